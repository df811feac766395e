package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultPath returns where the store lives when --store is not given:
// $XDG_DATA_HOME/newsclip/newsclip.db, or ~/.local/share/newsclip/newsclip.db
// when XDG_DATA_HOME is unset or not absolute (as the XDG spec asks). The
// directory is created as needed.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("store path: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	dir = filepath.Join(dir, "newsclip")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("store path: %w", err)
	}
	return filepath.Join(dir, "newsclip.db"), nil
}
