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
#include <limits.h>
#include <unistd.h>
#include <wchar.h>

typedef char *(*minutes_prompt_fn)(EditLine *);
typedef unsigned char (*minutes_key_fn)(EditLine *, int);

static int minutes_read_char(EditLine *el, wchar_t *cp);

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
  el_set(el, EL_GETCFN, minutes_read_char);
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

/* Set by SIGWINCH when libedit's own handler is not installed (it handles one per line read, then restores this
   one), so that minutes_read_char resizes the editor for a second resize of the window during the same line. */
static volatile sig_atomic_t minutes_resized = 0;

static inline void minutes_on_sigwinch(int signo) {
  (void)signo;
  minutes_resized = 1;
}

static inline void minutes_install_sigint(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = minutes_on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, NULL);
  action.sa_handler = minutes_on_sigwinch;
  sigaction(SIGWINCH, &action, NULL);
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

/* The first byte of the line being read that was not UTF-8 (-1: none yet), and how many there were. */
static int minutes_invalid_byte = -1;
static int minutes_invalid_count = 0;
/* A byte read past a badly formed sequence, which may begin the next character (-1: none). */
static int minutes_pending_byte = -1;

/// Forgets the bad bytes of the previous line; call before each el_gets.
static inline void minutes_reset_invalid(void) {
  minutes_invalid_byte = -1;
  minutes_invalid_count = 0;
}

/// The first byte of the line just read that was not UTF-8, or -1.
static inline int minutes_first_invalid_byte(void) { return minutes_invalid_byte; }

/// How many bytes or badly formed sequences of the line just read were not UTF-8.
static inline int minutes_invalid_bytes(void) { return minutes_invalid_count; }

/// libedit's read-character function (read.c's read_char), except that a byte that is not UTF-8 becomes U+FFFD
/// on the line, so that the clerk sees where it was, and is noted for the reader to refuse the line, where
/// libedit's own discards it without a word. A read interrupted by SIGWINCH or SIGCONT goes on (libedit's handlers
/// have resized or redrawn the line; a later resize in the same line, which libedit's read_char would have re-armed
/// its handler for, is handled here with el_resize); by SIGINT (minutes_interrupted set) it ends with EINTR, as
/// libedit's does.
static int minutes_read_char(EditLine *el, wchar_t *cp) {
  char buffer[MB_LEN_MAX];
  size_t count = 0;
  for (;;) {
    unsigned char byte;
    if (minutes_pending_byte >= 0) {
      byte = (unsigned char)minutes_pending_byte;
      minutes_pending_byte = -1;
    } else {
      /* Ctrl-C while the line was being redrawn (not in this read) ends the line too, rather than waiting for a key. */
      if (minutes_interrupted) {
        errno = EINTR;
        *cp = L'\0';
        return -1;
      }
      ssize_t got = read(fileno(stdin), &byte, 1);
      if (got < 0) {
        if (errno == EINTR && !minutes_interrupted) {
          if (minutes_resized) {
            minutes_resized = 0;
            el_resize(el);
          }
          continue;
        }
        *cp = L'\0';
        return -1;
      }
      if (got == 0) {
        if (count > 0) {
          if (minutes_invalid_byte < 0) minutes_invalid_byte = (unsigned char)buffer[0];
          minutes_invalid_count++;
        }
        *cp = L'\0';
        return 0;
      }
    }
    buffer[count++] = (char)byte;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    size_t result = mbrtowc(cp, buffer, count, &state);
    if (result == (size_t)-2 && count < MB_LEN_MAX) continue;  /* a sequence begun: read on */
    if (result == (size_t)-1 || result == (size_t)-2) {
      if (minutes_invalid_byte < 0) minutes_invalid_byte = (unsigned char)buffer[0];
      minutes_invalid_count++;
      /* The byte that broke a sequence may begin the next character: read it again. */
      if (count > 1) minutes_pending_byte = (unsigned char)buffer[count - 1];
      *cp = (wchar_t)0xFFFD;
      return 1;
    }
    return 1;
  }
}

static inline int minutes_errno(void) { return errno; }

static inline void minutes_write_stdout(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}


/* The history file (HistoryFile.swift): saved to an open FILE (a temporary file renamed over the history), so
   that the history's own path, which may be a symlink put there by someone else, is never opened for writing. */
static inline int minutes_history_save_fp(History *h, FILE *file) {
  HistEvent ev;
  return history(h, &ev, H_SAVE_FP, file);
}

#endif
