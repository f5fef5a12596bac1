#if canImport(Glibc)
import Glibc
#endif

/// The system's users and groups looked up in its files alone in the static release program.
///
/// The C library looks a user up (`getpwnam`, `getpwuid`: Foundation's `~name` in a path, a home folder, a file's
/// owner) through the services `/etc/nsswitch.conf` lists, loading a module for each service but `files`. A program
/// linked statically cannot load those modules safely (the linker says so: "requires at runtime the shared libraries
/// from the glibc version used for linking"): on Debian 12, whose `passwd: files systemd` asks `libnss_systemd` about
/// any user not in `/etc/passwd`, `minutes export NAME -o '~draft.txt'` crashed there (SIGSEGV), and so did
/// `:export ~draft.txt` in a session. ``useFilesWhenStatic()`` has the C library read `/etc/passwd` and `/etc/group`
/// alone, the service built into it (glibc 2.34 and later), as `__nss_configure_lookup` lets a program choose
/// (`nss.h`): a user known only to another service (a directory server) is then unknown to the static program, and
/// `~name` stays as typed.
public enum UserDatabase {
  /// In a program with no dynamic loader (`getauxval(AT_BASE)` is 0: linked statically), restricts the lookups of
  /// users and groups to the system's files; done once, first in `main`. Does nothing in a dynamically linked
  /// program, which loads the modules as the system intends.
  /// - Returns: whether the lookups were restricted.
  @discardableResult
  public static func useFilesWhenStatic() -> Bool {
    #if canImport(Glibc) && os(Linux)
    guard isStatic else { return false }
    return configureLookup("passwd", "files") == 0 && configureLookup("group", "files") == 0
    #else
    return false
    #endif
  }

  /// Whether this program was linked statically: it has no dynamic loader (`AT_BASE`, the loader's address, is 0).
  public static var isStatic: Bool {
    #if canImport(Glibc) && os(Linux)
    auxiliaryValue(UInt(AT_BASE)) == 0
    #else
    false
    #endif
  }
}

#if canImport(Glibc) && os(Linux)
/// glibc's `int __nss_configure_lookup(const char *dbname, const char *string)` (`nss.h`): 0 on success.
@_silgen_name("__nss_configure_lookup")
private func configureLookup(_ database: UnsafePointer<CChar>, _ services: UnsafePointer<CChar>) -> Int32
#endif

#if canImport(Glibc) && os(Linux)
/// The C library's `unsigned long getauxval(unsigned long type)` (`sys/auxv.h`, which the Glibc module does not
/// include).
@_silgen_name("getauxval")
private func auxiliaryValue(_ type: UInt) -> UInt
#endif
