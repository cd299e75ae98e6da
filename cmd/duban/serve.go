package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/duban/duban/server"
	"github.com/duban/duban/store"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func newServeCmd(stdout, stderr io.Writer) *cobra.Command {
	var out, addr string
	cmd := &cobra.Command{
		Use:   "serve [-o DIR] [--addr 127.0.0.1:8080]",
		Short: "Serve the web console (督查室 and units) on the store of an output folder",
		Long: `serve runs the web console on the store (duban.db) of the output folder:
upload notices, review and correct what was extracted, follow and report
progress, download the ledger, unit sheets and 通报. The command line may
run on the same folder at the same time. With no account yet, it prints a
one-time link that creates the first 督查室 account; more are added in the
console's 设置 or with 'duban user add'.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := store.Open(out)
			if err != nil {
				return runError{err}
			}
			defer st.Close()
			srv, err := server.New(server.Options{Out: out, Store: st})
			if err != nil {
				return runError{err}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return runError{fmt.Errorf("--addr %s: %w", addr, err)}
			}
			base := "http://" + ln.Addr().String()
			fmt.Fprintf(stdout, "duban serve: %s (store %s)\n", base, st.Path())
			if link, err := srv.SetupLink(base); err != nil {
				return runError{err}
			} else if link != "" {
				fmt.Fprintf(stdout, "no account yet: open this one-time link to create the first 督查室 account:\n  %s\n", link)
			}
			if h, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(h).IsLoopback() {
				fmt.Fprintln(stderr, "warning: serving beyond this machine without TLS; put it behind an HTTPS reverse proxy")
			}
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 10 * time.Minute,
				WriteTimeout: 10 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				return runError{err}
			case <-cmd.Context().Done():
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				hs.Shutdown(ctx)
				return nil
			}
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "output", "output `DIR` holding the store")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	return cmd
}

func newUserCmd(stdin io.Reader, stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{Use: "user", Short: "Manage the console's accounts"}
	var out, role, unit string
	add := &cobra.Command{
		Use:   "add NAME --role 督查室|单位|只读 [--unit UNIT]",
		Short: "Add a console account (the password is read from the terminal or standard input)",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("user add: one NAME")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := server.ParseRole(role)
			if !ok {
				return usagef("--role: %q; use office (督查室), unit (单位) or viewer (只读)", role)
			}
			if r == store.RoleUnit && strings.TrimSpace(unit) == "" {
				return usagef("--unit: a unit user needs the unit it reports for")
			}
			if r != store.RoleUnit && unit != "" {
				return usagef("--unit: only for --role unit")
			}
			pw, err := readPassword(stdin, stdout)
			if err != nil {
				return runError{err}
			}
			hash, err := server.HashPassword(pw, 0)
			if err != nil {
				return usagef("password: %v", err)
			}
			st, err := store.Open(out)
			if err != nil {
				return runError{err}
			}
			defer st.Close()
			if err := st.AddAccount(store.Account{Name: args[0], Role: r, Unit: strings.TrimSpace(unit), Hash: hash}); err != nil {
				if errors.Is(err, store.ErrExists) {
					return usagef("user add: %s already exists", args[0])
				}
				return runError{err}
			}
			st.Audit(store.Who(), "新增账户", args[0], server.RoleLabel(r)+" "+unit+"（命令行）")
			fmt.Fprintf(stdout, "account %s (%s) added\n", args[0], server.RoleLabel(r))
			return nil
		},
	}
	add.Flags().StringVarP(&out, "output", "o", "output", "output `DIR` holding the store")
	add.Flags().StringVar(&role, "role", "", "office (督查室), unit (单位) or viewer (只读)")
	add.Flags().StringVar(&unit, "unit", "", "the unit a unit user reports for")
	var lout string
	list := &cobra.Command{
		Use: "list", Short: "List the console's accounts", Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			st, err := store.Open(lout)
			if err != nil {
				return runError{err}
			}
			defer st.Close()
			as, err := st.Accounts()
			if err != nil {
				return runError{err}
			}
			for _, a := range as {
				dis := ""
				if a.Disabled {
					dis = " (disabled)"
				}
				fmt.Fprintf(stdout, "%s\t%s\t%s%s\n", a.Name, server.RoleLabel(a.Role), a.Unit, dis)
			}
			return nil
		},
	}
	list.Flags().StringVarP(&lout, "output", "o", "output", "output `DIR` holding the store")
	cmd.AddCommand(add, list)
	return cmd
}

// readPassword asks twice on a terminal, else reads one line of stdin.
func readPassword(stdin io.Reader, stdout io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stdout, "password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stdout, "again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("the passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("password: nothing on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
