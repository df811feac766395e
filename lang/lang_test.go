package lang

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := []struct{ want, text string }{
		{"en", "The minister said that the government would not change its plans, and he added that talks were over."},
		{"de", "Der Minister sagte, dass die Regierung ihre Pläne nicht ändern werde, und fügte hinzu, dass die Gespräche vorbei seien."},
		{"fr", "Le ministre a dit que le gouvernement ne changerait pas ses plans et il a ajouté que les discussions sont terminées."},
		{"es", "El ministro dijo que el gobierno no cambiaría sus planes y añadió que las conversaciones habían terminado para los dos."},
		{"pt", "O ministro disse que o governo não vai mudar os seus planos e acrescentou que as conversas já não são possíveis."},
		{"it", "Il ministro ha detto che il governo non cambierà i suoi piani e ha aggiunto che i colloqui sono finiti per questo."},
		{"nl", "De minister zei dat de regering haar plannen niet zal wijzigen en voegde eraan toe dat de gesprekken voorbij zijn."},
		{"id", "Menteri mengatakan bahwa pemerintah tidak akan mengubah rencana dan dia menambahkan bahwa pembicaraan itu sudah selesai."},
		{"sv", "Ministern sa att regeringen inte kommer att ändra sina planer och han tillade att samtalen är över och att det var så."},
		{"pl", "Minister powiedział, że rząd nie zmieni swoich planów i dodał, że rozmowy się już zakończyły, jak to jest."},
		{"tr", "Bakan, hükümetin planlarını değiştirmeyeceğini söyledi ve görüşmelerin bittiğini de ekledi, bu çok daha önemli."},
		{"ru", "Министр заявил, что правительство не изменит свои планы, и добавил, что переговоры закончены."},
		{"uk", "Міністр заявив, що уряд не змінить своїх планів, і додав, що переговори завершені. Це її рішення."},
		{"el", "Ο υπουργός είπε ότι η κυβέρνηση δεν θα αλλάξει τα σχέδιά της."},
		{"ar", "قال الوزير إن الحكومة لن تغير خططها وأضاف أن المحادثات انتهت."},
		{"fa", "وزیر گفت که دولت برنامه های خود را تغییر نمی دهد و افزود که گفتگوها پایان یافته است."},
		{"he", "השר אמר שהממשלה לא תשנה את תוכניותיה."},
		{"th", "รัฐมนตรีกล่าวว่ารัฐบาลจะไม่เปลี่ยนแผน"},
		{"hi", "मंत्री ने कहा कि सरकार अपनी योजना नहीं बदलेगी।"},
		{"ko", "장관은 정부가 계획을 바꾸지 않을 것이라고 말했다."},
		{"ja", "大臣は政府が計画を変更しないと述べた。"},
		{"zh", "部长说政府不会改变计划。"},
		{"", ""},
		{"", "12345 !!! ..."},
		{"", "Xyzzy plugh"},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestDetectLongInput(t *testing.T) {
	// Past the byte limit, and cut inside a rune: still an answer.
	s := strings.Repeat("это пример текста, ", 5000)
	if got := Detect(s); got != "ru" {
		t.Errorf("got %q", got)
	}
}

func BenchmarkDetect(b *testing.B) {
	s := strings.Repeat("The minister said that the government would not change its plans. ", 100)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Detect(s)
	}
}
