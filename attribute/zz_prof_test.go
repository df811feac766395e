package attribute

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"
)

func TestZZProf(t *testing.T) {
	u := "the mayors met, each saying "
	txt := "Headline here.\n\nThe council met.\n\n" + strings.Repeat(u, 300000/len(u))
	f, _ := os.Create("/tmp/ana/cpu.prof")
	pprof.StartCPUProfile(f)
	Text(txt, Options{})
	pprof.StopCPUProfile()
	f.Close()
}
