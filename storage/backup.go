package storage

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model/words"
)

// KeepBackups is how many backups of one file are kept; older ones are removed.
const KeepBackups = 10

// BackupDir is where backups of the project file at path are kept: a folder
// beside it, so backups travel with the file and need no settings.
// For 街道.rpb it is 街道.rpb.backups.
func BackupDir(path string) string { return path + ".backups" }

// backupStem is the start of every backup's name for path.
func backupStem(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
}

// Backup writes a consistent copy of the file (as of the last commit) into
// dir, BackupDir when dir is "", named after the file and the time, e.g.
// 街道-20261127-050102-123.rpb, and removes all but the newest KeepBackups.
// It returns the backup's path.
func (s *Store) Backup(dir string) (string, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	return s.backup(dir)
}

// DailyBackup backs the file up into BackupDir when its newest backup there
// is more than a day old, and returns the backup's path ("" when none was
// due, or the store is read-only). The app calls it in the background once
// the project is shown: the copy is one read transaction, consistent while
// the user commits (a commit that must grow the file waits for it), and it
// is written under a temporary name and renamed, so quitting half-way
// leaves no partial backup, only a temporary file the next backup removes.
func (s *Store) DailyBackup() (string, error) {
	if s.opts.ReadOnly {
		return "", nil
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	if latest, ok := LatestBackup(s.path); ok && backupAge(latest) <= 24*time.Hour {
		return "", nil
	}
	b, err := s.backup("")
	if err != nil {
		return "", fail(err, words.M("storage.backup.auto_failed", "file", s.path, "cause", cause(err)))
	}
	return b, nil
}

// backup is Backup under backupMu.
func (s *Store) backup(dir string) (string, error) {
	if dir == "" {
		dir = BackupDir(s.path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	t := time.Now()
	name := fmt.Sprintf("%s%s-%03d.rpb", backupStem(s.path), t.Format("20060102-150405"), t.Nanosecond()/int(time.Millisecond))
	dst := filepath.Join(dir, name)
	if err := s.writeCopy(dst); err != nil {
		return "", err
	}
	pruneBackups(dir, backupStem(s.path), KeepBackups)
	removeStaleTemps(dir, backupStem(s.path))
	return dst, nil
}

// SaveCopy writes a consistent copy of the file to path (另存为), replacing
// what is there. The store stays on its own file.
func (s *Store) SaveCopy(path string) error {
	if a, b := absPath(path), absPath(s.path); a == b {
		return fail(nil, words.M("storage.copy.same_file", "file", path))
	}
	return s.writeCopy(path)
}

// writeCopy copies the file in one read transaction to a temporary file
// beside dst, syncs it and renames it into place.
func (s *Store) writeCopy(dst string) error {
	s.mu.Lock()
	db := s.db
	s.mu.Unlock()
	if db == nil {
		return errClosed
	}
	return writeAtomically(dst, func(w io.Writer) error {
		return db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// writeAtomically writes dst through a synced temporary file and a rename,
// so dst is either the old file or the complete new one.
func writeAtomically(dst string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// backupsOf lists the backups of the file named by stem in dir, oldest first.
// The time in their names sorts the same as the times themselves.
func backupsOf(dir, stem string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasPrefix(n, stem) && strings.HasSuffix(n, ".rpb") && !strings.HasPrefix(n, ".") {
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out)
	return out
}

func pruneBackups(dir, stem string, keep int) {
	all := backupsOf(dir, stem)
	for len(all) > keep {
		os.Remove(all[0])
		all = all[1:]
	}
}

// staleTemp is how long a temporary backup file has not been written to
// before it counts as left behind by a process that quit while copying.
const staleTemp = time.Hour

// removeStaleTemps removes the temporary files that backups of the file
// named by stem left in dir when their process ended half-way (see
// writeAtomically); one still being written is younger than staleTemp.
func removeStaleTemps(dir, stem string) {
	temps, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(stem)+"*.rpb.tmp-*"))
	for _, t := range temps {
		if backupAge(t) > staleTemp {
			os.Remove(t)
		}
	}
}

// LatestBackup returns the newest backup of the project file at path, if any.
func LatestBackup(path string) (string, bool) {
	all := backupsOf(BackupDir(path), backupStem(path))
	if len(all) == 0 {
		return "", false
	}
	return all[len(all)-1], true
}

func backupAge(path string) time.Duration {
	fi, err := os.Stat(path)
	if err != nil {
		return time.Duration(1<<63 - 1)
	}
	return time.Since(fi.ModTime())
}

// RestoreBackup puts the backup in place of the file at path. The backup is
// checked first; the file it replaces, damaged or not, is kept beside it as
// path.damaged-YYYYMMDD-HHMMSS rather than deleted.
func RestoreBackup(backup, path string) error {
	if _, err := Check(backup); err != nil {
		return fail(err, words.M("storage.restore.unusable", "cause", cause(err)))
	}
	src, err := os.Open(backup)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".restore-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	_, err = io.Copy(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmpName)
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		kept := path + ".damaged-" + time.Now().Format("20060102-150405")
		if err := os.Rename(path, kept); err != nil {
			os.Remove(tmpName)
			return fail(err, words.M("storage.restore.move_aside", "file", path, "cause", cause(err)))
		}
	}
	if err := os.Rename(tmpName, path); err != nil {
		os.Remove(tmpName)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.Clean(a)
	}
	return filepath.Clean(p)
}
