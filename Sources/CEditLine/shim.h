// Wrappers for libedit's variadic calls (el_set, el_get, history), which Swift cannot call, and for the C
// standard streams, which Swift 6 strict concurrency rejects as globals.
#ifndef MINUTES_CEDITLINE_SHIM_H
#define MINUTES_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

typedef char *(*minutes_prompt_fn)(EditLine *);
typedef unsigned char (*minutes_key_fn)(EditLine *, int);

/// Makes LC_CTYPE a UTF-8 one: the environment's when it is UTF-8, else C.UTF-8. Returns 1 when UTF-8 is set.
static inline int minutes_ensure_utf8_ctype(void) {
  setlocale(LC_CTYPE, "");
  const char *codeset = nl_langinfo(CODESET);
  if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
  if (setlocale(LC_CTYPE, "C.UTF-8")) return 1;
  return setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}

static inline EditLine *minutes_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

static inline void minutes_el_configure(EditLine *el, History *h, void *client, minutes_prompt_fn prompt) {
  el_set(el, EL_CLIENTDATA, client);
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_SIGNAL, 1);
  el_set(el, EL_HIST, history, h);
  el_set(el, EL_PROMPT, prompt);
}

static inline void *minutes_el_client(EditLine *el) {
  void *client = NULL;
  el_get(el, EL_CLIENTDATA, &client);
  return client;
}

static inline void minutes_el_addfn(EditLine *el, const char *name, const char *help, minutes_key_fn fn) {
  el_set(el, EL_ADDFN, name, help, fn);
}

static inline void minutes_el_bind(EditLine *el, const char *key, const char *name) {
  el_set(el, EL_BIND, key, name, NULL);
}

static inline void minutes_el_source_editrc(EditLine *el) {
  el_source(el, NULL);
}

static inline void minutes_el_end(EditLine *el) {
  el_set(el, EL_EDITMODE, 0);
  el_end(el);
}

static inline History *minutes_history_init(int size) {
  History *h = history_init();
  HistEvent ev;
  history(h, &ev, H_SETSIZE, size);
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}

static inline void minutes_history_enter(History *h, const char *line) {
  HistEvent ev;
  history(h, &ev, H_ENTER, line);
}

static inline int minutes_history_load(History *h, const char *file) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, file);
}

static inline int minutes_history_save(History *h, const char *file) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, file);
}

/// SIGINT sets a flag and interrupts a blocking read (no SA_RESTART), so el_gets returns with EINTR.
static volatile sig_atomic_t minutes_interrupted = 0;

static inline void minutes_on_sigint(int signo) {
  (void)signo;
  minutes_interrupted = 1;
}

static inline void minutes_install_sigint(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = minutes_on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, NULL);
  /* A parent may have started us with SIGINT blocked (the mask is inherited across exec): unblock it. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static inline int minutes_take_interrupt(void) {
  int was = minutes_interrupted;
  minutes_interrupted = 0;
  return was;
}

static inline int minutes_errno(void) { return errno; }

static inline void minutes_write_stdout(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}

#endif
