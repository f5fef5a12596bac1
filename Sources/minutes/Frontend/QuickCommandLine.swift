import ArgumentParser

/// The command lines a clerk types every day, read without ArgumentParser when they are plain: `new`, `resume`,
/// `check`, `export` and `import` with their long options, `-o`, and their arguments. Any other line, and any line this
/// does not read whole, is left to ArgumentParser, which reads it, answers help, version and completion requests,
/// and says what is wrong.
///
/// Why: ArgumentParser reads a line by reflecting on each command it might be (a `Mirror` of the command, then a
/// cast of each property), beginning with the two commands of `--generate-completion-script`; the Swift runtime
/// answers the first cast of each type by scanning all of the program's 6,564 conformance records. That was
/// 10.4M of the 21.0M instructions before a new session's first prompt in the static release program, 2.5 ms of
/// its 6.3 ms CPU, and the same for every `check` and `export` (`make bench`; swift-argument-parser 1.8.2).
///
/// A line read here gives the command ArgumentParser gives for it, property by property (`QuickCommandLineTests`
/// compares the two on drawn lines). This reads only what it is sure of, and says `nil` for the rest: an option
/// the command does not have (so `--help`, `--version` and `--generate-completion-script` too), a short option
/// other than `-o`, `--`, a value that is empty or starts with `-`, an option or flag that takes one value given
/// twice, an argument too many or missing, the word `help`, or a line the command's `validate()` refuses.
enum QuickCommandLine {
  /// The command `arguments` (the words after the program's name) ask for, every property set; `nil` when the
  /// line is not one this reads (see ``QuickCommandLine``).
  static func command(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let first = arguments.first else { return nil }
    let rest = arguments.dropFirst()
    switch first {
    case "new": return New.quickLine.read(rest)
    case "resume": return Resume.quickLine.read(rest)
    case "check": return Check.quickLine.read(rest)
    case "export": return Export.quickLine.read(rest)
    case "import": return Import.quickLine.read(rest)
    default: return nil
    }
  }
}

/// What one command takes on its command line, for ``QuickCommandLine``: its options and flags by name, its
/// arguments in order, and the command with every property at the value ArgumentParser gives when the line does
/// not name it.
struct QuickLine<Command: ParsableCommand> {
  /// How one name is read: by a closure that sets the command's property, not a key path (six key paths
  /// instantiated were 4% of a new session's start).
  enum Slot {
    /// An option that takes one value, once: `--template ID`, `--template=ID`.
    case single((inout Command, String) -> Void)
    /// An option that may be repeated, its values gathered in order: `--house A --house B`.
    case repeating((inout Command, String) -> Void)
    /// A flag: `--force`.
    case flag((inout Command) -> Void)

    /// Whether the slot takes one value, given once (not one that may be repeated).
    var isOnce: Bool {
      if case .repeating = self { false } else { true }
    }
  }

  /// How one argument (a word that is no option) is read.
  enum Argument {
    /// One the command needs.
    case required((inout Command, String) -> Void)
    /// One the command may be given.
    case optional((inout Command, String) -> Void)
  }

  /// The names (`--template`, `-o`), each with the slot it fills.
  let names: [String: Slot]
  /// The arguments, in the order the line gives them.
  let arguments: [Argument]
  /// The names that are another name of a slot (`-o` of `--output`), by that name: one slot, given once.
  var aliases: [String: String] = [:]
  /// The command before the line is read: every property at the value ArgumentParser gives it when the line does
  /// not name it (a property left unset would stop the program when read).
  let blank: () -> Command

  /// The command `words` (the words after the command's name) ask for, or `nil` (see ``QuickCommandLine``).
  func read(_ words: ArraySlice<String>) -> Command? {
    var command = blank()
    var given: [String] = []
    var next = 0
    var words = words[...]
    while let word = words.popFirst() {
      guard word.hasPrefix("-") else {
        guard next < arguments.count, !word.isEmpty, word != "help" else { return nil }
        switch arguments[next] {
        case .required(let set), .optional(let set): set(&command, word)
        }
        next += 1
        continue
      }
      var name = Substring(word), attached: Substring?
      if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
        name = word[..<equals]
        attached = word[word.index(after: equals)...]
      }
      guard let slot = names[String(name)] else { return nil }
      // A slot once: the spelling it was given by does not matter (`-o` and `--output` are one option).
      if slot.isOnce {
        let canonical = aliases[String(name)] ?? String(name)
        guard !given.contains(canonical) else { return nil }
        given.append(canonical)
      }
      if case .flag(let set) = slot {
        guard attached == nil else { return nil }
        set(&command)
        continue
      }
      guard let value = attached.map(String.init) ?? words.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
      switch slot {
      case .single(let set), .repeating(let set): set(&command, value)
      case .flag: return nil
      }
    }
    guard arguments.dropFirst(next).allSatisfy({ if case .optional = $0 { true } else { false } }) else { return nil }
    do { try command.validate() } catch { return nil }
    return command
  }
}

extension WorkspaceOptions {
  /// No `--workspace`: the options ArgumentParser gives when the line names none.
  static var blank: WorkspaceOptions {
    var options = WorkspaceOptions()
    options.workspace = nil
    return options
  }
}

extension New {
  /// `minutes new`'s line, for ``QuickCommandLine``.
  static var quickLine: QuickLine<New> {
    QuickLine(
      names: [
        "--template": .single { $0.template = $1 }, "--name": .single { $0.name = $1 }, "--from": .single { $0.from = $1 }, "--house": .repeating { $0.house.append($1) },
        "--keep-going": .flag { $0.keepGoing = true }, "--workspace": .single { $0.options.workspace = $1 },
      ],
      arguments: [],
      blank: {
        var command = New()
        (command.template, command.name, command.from, command.house, command.keepGoing) = (nil, nil, nil, [], false)
        command.options = .blank
        return command
      })
  }
}

extension Resume {
  /// `minutes resume`'s line, for ``QuickCommandLine``.
  static var quickLine: QuickLine<Resume> {
    QuickLine(
      names: [
        "--take-over": .flag { $0.takeOver = true }, "--recover": .flag { $0.recover = true }, "--keep-going": .flag { $0.keepGoing = true },
        "--workspace": .single { $0.options.workspace = $1 },
      ],
      arguments: [.optional { $0.name = $1 }],
      blank: {
        var command = Resume()
        (command.name, command.takeOver, command.recover, command.keepGoing) = (nil, false, false, false)
        command.options = .blank
        return command
      })
  }
}

extension Check {
  /// `minutes check`'s line, for ``QuickCommandLine``.
  static var quickLine: QuickLine<Check> {
    QuickLine(
      names: ["--json": .flag { $0.json = true }, "--workspace": .single { $0.options.workspace = $1 }],
      arguments: [.required { $0.target = $1 }],
      blank: {
        var command = Check()
        (command.target, command.json) = ("", false)
        command.options = .blank
        return command
      })
  }
}

extension Export {
  /// `minutes export`'s line, for ``QuickCommandLine``.
  static var quickLine: QuickLine<Export> {
    QuickLine(
      names: [
        "--format": .single { $0.format = $1 }, "--script": .single { $0.script = $1 }, "--output": .single { $0.output = $1 }, "-o": .single { $0.output = $1 },
        "--force": .flag { $0.force = true }, "--draft": .flag { $0.draft = true }, "--workspace": .single { $0.options.workspace = $1 },
      ],
      arguments: [.required { $0.name = $1 }],
      aliases: ["-o": "--output"],
      blank: {
        var command = Export()
        (command.name, command.format, command.script, command.output, command.force, command.draft) = ("", nil, nil, nil, false, false)
        command.options = .blank
        return command
      })
  }
}

extension Import {
  /// `minutes import`'s line, for ``QuickCommandLine``.
  static var quickLine: QuickLine<Import> {
    QuickLine(
      names: [
        "--template": .single { $0.template = $1 }, "--name": .single { $0.name = $1 }, "--learn": .flag { $0.learn = true }, "--yes": .flag { $0.yes = true },
        "--workspace": .single { $0.options.workspace = $1 },
      ],
      arguments: [.required { $0.file = $1 }],
      blank: {
        var command = Import()
        (command.file, command.template, command.name, command.learn, command.yes) = ("", nil, nil, false, false)
        command.options = .blank
        return command
      })
  }
}
