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

func TestDailyBackupOncePerDay(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	if _, ok := LatestBackup(path); ok {
		t.Fatal("opening the file took a backup: the app takes it once the project is shown")
	}
	first, err := s.DailyBackup()
	if err != nil || first == "" {
		t.Fatalf("first DailyBackup = %q, %v; want a backup", first, err)
	}
	if again, err := s.DailyBackup(); again != "" || err != nil {
		t.Fatalf("a second DailyBackup the same day took %q, %v", again, err)
	}
	old := time.Now().Add(-25 * time.Hour)
	os.Chtimes(first, old, old)
	time.Sleep(2 * time.Millisecond) // names carry milliseconds
	if next, err := s.DailyBackup(); next == "" || next == first || err != nil {
		t.Fatalf("DailyBackup after a day = %q, %v; want a new backup", next, err)
	}
	s.Close()
	ro := testOpts
	ro.ReadOnly = true
	os.RemoveAll(BackupDir(path))
	if b, err := mustOpen(t, path, ro).DailyBackup(); b != "" || err != nil {
		t.Fatalf("a read-only store backed up: %q, %v", b, err)
	}
}

func TestFailedDailyBackupSaysWhy(t *testing.T) {
	path := mustCreate(t, handMade())
	// A file where the backup folder should be.
	if err := os.WriteFile(BackupDir(path), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, path, testOpts)
	if _, err := s.DailyBackup(); err == nil || !strings.Contains(said(err), "自动备份") {
		t.Fatalf("DailyBackup = %v, want the reason", err)
	}
	if err := s.Commit(edits[0].action, edits[0].make(s.Project())...); err != nil {
		t.Fatalf("the file is not usable: %v", err)
	}
}

// The daily backup runs while the user edits: it must be one consistent
// state of the file, never a mix, and the edits must all be kept.
func TestDailyBackupWhileCommitting(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	const commits = 40
	before := s.AuditCount()
	done := make(chan error)
	go func() {
		for range commits {
			a := *firstAssessment(s.Project())
			a.HoursPerMonth++
			if err := s.Commit("编辑履职评估", s.Project().Put(&a)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	b, err := s.DailyBackup()
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	c, err := Check(b)
	if err != nil {
		t.Fatalf("the backup taken during commits does not check: %v", err)
	}
	if c.AuditEntries > s.AuditCount() {
		t.Fatalf("backup has %d audit entries, the file %d", c.AuditEntries, s.AuditCount())
	}
	if s.AuditCount() != before+commits {
		t.Fatalf("%d commits kept, want %d", s.AuditCount()-before, commits)
	}
}

// A process that quits while copying leaves a temporary file, never a
// partial backup; the next backup removes it once it is stale.
func TestBackupTempLeftBehind(t *testing.T) {
	path := mustCreate(t, handMade())
	s := mustOpen(t, path, testOpts)
	dir := BackupDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "."+backupStem(path)+"20260101-000000-000.rpb.tmp-1")
	fresh := filepath.Join(dir, "."+backupStem(path)+"20260101-000000-001.rpb.tmp-2")
	for _, f := range []string{stale, fresh} {
		if err := os.WriteFile(f, []byte("half a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleTemp)
	os.Chtimes(stale, old, old)
	if _, ok := LatestBackup(path); ok {
		t.Fatal("a temporary file counts as a backup")
	}
	b, err := s.Backup("")
	if err != nil {
		t.Fatal(err)
	}
	if latest, _ := LatestBackup(path); latest != b {
		t.Fatalf("LatestBackup = %q, want %q", latest, b)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatalf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Fatalf("a temporary file that may still be written was removed: %v", err)
	}
}
