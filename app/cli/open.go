package cli

import (
	"errors"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
	"rpbmatrix/storage"
)

// readProject opens the one project file pos names, read-only, for a
// command that analyses it: a file too large to analyse is refused here,
// before the analysis allocates. A missing file is a usage error (exit 2),
// any other failure exit 1; code is the exit code when st is nil.
func readProject(env Env, c *Command, pos []string) (st *storage.Store, code int) {
	if len(pos) != 1 {
		return nil, Usage(env, c, words.M("cli.need_one_file", "n", len(pos)))
	}
	st, err := storage.Open(pos[0], storage.Options{ReadOnly: true})
	if errors.Is(err, storage.ErrNoFile) {
		return nil, UsageErr(env, c, err)
	}
	if err != nil {
		return nil, env.FailErr(c, err)
	}
	if err := model.CheckProjectSize(st.Project()); err != nil {
		st.Close()
		return nil, env.FailErr(c, err)
	}
	return st, ExitOK
}

// officeNamed is the office an --office flag names in the project of file
// (NilID for none given); an unknown name is a usage error listing the
// offices, and code is then its exit code.
func officeNamed(env Env, c *Command, p *model.Project, file, name string) (id model.ID, code int) {
	if name == "" {
		return model.NilID, ExitOK
	}
	o := p.OfficeByName(name)
	if o == nil {
		return model.NilID, Usage(env, c, words.M("cli.no_such_office", "file", file, "office", name, "offices", officeList(p)))
	}
	return o.ID, ExitOK
}
