package cli

import (
	"errors"

	"rpbmatrix/model"
)

// refuseTooLarge is deferred by Run, a last resort: every command checks
// model.CheckProjectSize before it analyses, but one that forgot would be
// stopped by the engine, before it allocates, with a *model.SizeError
// panic; this turns it into the command's failure with that message. Any
// other panic goes on.
func refuseTooLarge(env Env, c *Command, code *int) {
	v := recover()
	if v == nil {
		return
	}
	var tooLarge *model.SizeError
	if err, ok := v.(error); ok && errors.As(err, &tooLarge) {
		*code = env.FailErr(c, tooLarge)
		return
	}
	panic(v)
}
