// Command docker-oracle loads a seccomp profile with Docker's own loader
// (github.com/docker/docker/profiles/seccomp, as packaged by Debian) and prints
// what Docker would hand to the OCI runtime, so that tests can compare our
// resolver with it.
//
// Usage: docker-oracle PROFILE CAPS
//
// PROFILE is a path to the profile's text; CAPS is a comma-separated list of
// capability names (may be empty) used as the container's bounding set. The
// architecture is the one this binary was compiled for (runtime.GOARCH) and
// the kernel version is the running host's (uname), as in Docker.
//
// Output: one JSON object on stdout, either
//
//	{"ok":true,"goarch":"amd64","seccomp":<*specs.LinuxSeccomp or null>}
//
// or
//
//	{"ok":false,"goarch":"amd64","error":"..."}
//
// A panic inside the loader is reported as ok:false with the panic's text.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/docker/docker/profiles/seccomp"
	specs "github.com/opencontainers/runtime-spec/specs-go"
)

type result struct {
	OK      bool                `json:"ok"`
	GoArch  string              `json:"goarch"`
	Seccomp *specs.LinuxSeccomp `json:"seccomp"`
	Error   string              `json:"error,omitempty"`
}

func load(body string, caps []string) (out *specs.LinuxSeccomp, err error) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
			err = fmt.Errorf("%v", r)
		}
	}()
	spec := &specs.Spec{
		Process: &specs.Process{
			Capabilities: &specs.LinuxCapabilities{Bounding: caps},
		},
	}
	return seccomp.LoadProfile(body, spec)
}

func emit(r result) {
	r.GoArch = runtime.GOARCH
	text, err := json.Marshal(r)
	if err != nil {
		fmt.Fprintf(os.Stderr, "docker-oracle: marshal: %v\n", err)
		os.Exit(2)
	}
	os.Stdout.Write(append(text, '\n'))
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: docker-oracle PROFILE CAPS")
		os.Exit(2)
	}
	body, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "docker-oracle: %v\n", err)
		os.Exit(2)
	}
	caps := []string{}
	for _, c := range strings.Split(os.Args[2], ",") {
		if c = strings.TrimSpace(c); c != "" {
			caps = append(caps, c)
		}
	}
	out, err := load(string(body), caps)
	if err != nil {
		emit(result{OK: false, Error: err.Error()})
		return
	}
	emit(result{OK: true, Seccomp: out})
}
