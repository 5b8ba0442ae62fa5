package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBackupKeepsTheNewest(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	if _, ok := LatestBackup(path); ok {
		t.Fatal("a backup exists before any was made")
	}
	var made []string
	for i := 0; i < KeepBackups+3; i++ {
		if err := s.Commit(edits[0].action, edits[0].make(s.Project())...); err != nil {
			t.Fatal(err)
		}
		b, err := s.Backup("")
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, b)
		time.Sleep(2 * time.Millisecond) // names carry milliseconds
	}
	if dir := filepath.Dir(made[0]); dir != BackupDir(path) {
		t.Fatalf("backup went to %s, want %s", dir, BackupDir(path))
	}
	latest, ok := LatestBackup(path)
	if !ok || latest != made[len(made)-1] {
		t.Fatalf("LatestBackup = %q, want %q", latest, made[len(made)-1])
	}
	left := backupsOf(BackupDir(path), backupStem(path))
	if len(left) != KeepBackups || left[0] != made[3] {
		t.Fatalf("kept %d backups starting %s, want %d starting %s", len(left), left[0], KeepBackups, made[3])
	}
	c, err := Check(latest)
	if err != nil || c.AuditEntries != s.AuditCount() {
		t.Fatalf("latest backup: %+v, %v; want %d audit entries", c, err, s.AuditCount())
	}
}

func TestRestoreBackupReplacesADamagedFile(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	backup, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	want := snapshot(s.Project())
	s.Close()
	data, _ := os.ReadFile(path)
	data = data[:highWater(t, data)/3]
	os.WriteFile(path, data, 0o600)
	if _, err := Open(path, testOpts); !errors.Is(err, ErrDamaged) {
		t.Fatalf("the cut file opened: %v", err)
	}
	if err := RestoreBackup(backup, path); err != nil {
		t.Fatal(err)
	}
	sameProject(t, "restored", mustOpen(t, path, testOpts).Project(), want)
	kept, _ := filepath.Glob(path + ".damaged-*")
	if len(kept) != 1 {
		t.Fatalf("the damaged file was not kept aside: %v", kept)
	}
	if fi, _ := os.Stat(kept[0]); fi.Size() != int64(len(data)) {
		t.Fatalf("kept file has %d bytes, want the damaged %d", fi.Size(), len(data))
	}
}

func TestRestoreRefusesADamagedBackup(t *testing.T) {
	path := mustCreate(t, handMade())
	bad := writeFile(t, []byte("not a project"))
	err := RestoreBackup(bad, path)
	if !errors.Is(err, ErrNotBolt) {
		t.Fatalf("err = %v, want ErrNotBolt", err)
	}
	if _, err := Check(path); err != nil {
		t.Fatalf("the file was touched: %v", err)
	}
}

func TestSaveCopy(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	if err := s.SaveCopy(path); err == nil || !strings.Contains(said(err), "当前打开") {
		t.Fatalf("SaveCopy onto itself: %v", err)
	}
	dst := filepath.Join(t.TempDir(), "副本.rpb")
	if err := s.SaveCopy(dst); err != nil {
		t.Fatal(err)
	}
	sameProject(t, "copy", mustOpen(t, dst, testOpts).Project(), s.Project())
}

func TestDailyBackupOnOpen(t *testing.T) {
	path := mustCreate(t, handMade())
	opts := testOpts
	opts.DailyBackup = true
	mustOpen(t, path, opts).Close()
	first, ok := LatestBackup(path)
	if !ok {
		t.Fatal("no backup on the first open of the day")
	}
	mustOpen(t, path, opts).Close()
	if again, _ := LatestBackup(path); again != first {
		t.Fatalf("a second backup %s was taken the same day", again)
	}
	old := time.Now().Add(-25 * time.Hour)
	os.Chtimes(first, old, old)
	time.Sleep(2 * time.Millisecond)
	mustOpen(t, path, opts).Close()
	if next, _ := LatestBackup(path); next == first {
		t.Fatal("no new backup after a day")
	}
}

func TestFailedDailyBackupDoesNotBlockOpening(t *testing.T) {
	path := mustCreate(t, handMade())
	// A file where the backup folder should be.
	if err := os.WriteFile(BackupDir(path), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	opts := testOpts
	opts.DailyBackup = true
	s := mustOpen(t, path, opts)
	if err := s.BackupError(); err == nil || !strings.Contains(said(err), "自动备份") {
		t.Fatalf("BackupError = %v, want the reason", err)
	}
	if err := s.Commit(edits[0].action, edits[0].make(s.Project())...); err != nil {
		t.Fatalf("the file is not usable: %v", err)
	}
}
