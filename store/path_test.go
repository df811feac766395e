package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDefaultPath(t *testing.T) {
	tmp := t.TempDir()
	tests := []struct {
		name, xdg, home, want string
	}{
		{"xdg set", filepath.Join(tmp, "xdg"), filepath.Join(tmp, "home1"), filepath.Join(tmp, "xdg", "newsclip", "newsclip.db")},
		{"xdg unset", "", filepath.Join(tmp, "home2"), filepath.Join(tmp, "home2", ".local", "share", "newsclip", "newsclip.db")},
		{"xdg relative is ignored", "rel/dir", filepath.Join(tmp, "home3"), filepath.Join(tmp, "home3", ".local", "share", "newsclip", "newsclip.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := DefaultPath()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("DefaultPath() = %q, want %q", got, tt.want)
			}
			if fi, err := os.Stat(filepath.Dir(got)); err != nil || !fi.IsDir() {
				t.Fatalf("directory %s not created: %v", filepath.Dir(got), err)
			}
		})
	}
}

func ExampleDefaultPath() {
	dir, err := os.MkdirTemp("", "xdg")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	old, had := os.LookupEnv("XDG_DATA_HOME")
	os.Setenv("XDG_DATA_HOME", dir)
	defer func() {
		if had {
			os.Setenv("XDG_DATA_HOME", old)
		} else {
			os.Unsetenv("XDG_DATA_HOME")
		}
	}()
	p, err := DefaultPath()
	if err != nil {
		panic(err)
	}
	fmt.Println(filepath.Base(filepath.Dir(p)), filepath.Base(p))
	// Output: newsclip newsclip.db
}
