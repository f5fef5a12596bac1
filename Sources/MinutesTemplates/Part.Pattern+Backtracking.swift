extension Part.Pattern {
  /// The first part of `regex` that can make a backtracking engine take exponential time, if any: a group that
  /// repeats (`+`, `*`, `{2,}`…) and either ends with something that repeats itself (`(a+)+`, `(\w+\s?)*`) or
  /// has alternatives that can begin alike (`(a|aa)+`, `(x|\d)+`, `(a|)+`), so that a text that almost matches
  /// can be split among the repetitions in exponentially many ways.
  ///
  /// A heuristic, for `minutes templates check` to warn about: it reads the expression's structure without
  /// running it, misses some costly patterns and names some harmless ones (`(ab+)+`). Atomic groups (`(?>…)`),
  /// possessive quantifiers (`++`, `*+`) and lookarounds never backtrack into their contents and are not named.
  /// Whatever it says, matching stays within ``budget(forLength:)``.
  /// - Returns: the group and its quantifier as written, e.g. `(a|aa)+`; `nil` when none was found.
  /// - Complexity: O(n) in the length of `regex`.
  public static func backtrackingRisk(in regex: String) -> String? {
    var scanner = RegexShapeScanner(Array(regex))
    return scanner.firstRisk()
  }
}

/// What ``Part/Pattern/backtrackingRisk(in:)`` reads of a regular expression: atoms, groups, alternatives and
/// quantifiers, enough to see the shapes that backtrack without end. Not a validator: an invalid expression is
/// refused by the template checker before this is asked.
private struct RegexShapeScanner {
  /// The beginning of an alternative, for telling whether two can begin alike.
  enum Start: Equatable {
    /// A literal character.
    case literal(Character)
    /// Anything else: a class, an escape, `.`, a group, or nothing at all (an empty alternative).
    case other
  }

  /// One alternative of a group, as read so far.
  struct Branch {
    /// How it begins; `nil` while it is empty.
    var start: Start?
    /// Whether it ends with something that repeats (ignoring optional things after it).
    var endsWithRepeat = false
  }

  /// A group being read.
  struct Group {
    /// Where its `(` is.
    var open: Int
    /// An atomic group or a lookaround: it does not backtrack into its contents from outside.
    var isSealed: Bool
    /// Its alternatives; the last is the one being read.
    var branches = [Branch()]
  }

  /// What a quantifier allows.
  struct Quantifier {
    /// It allows more than one repetition (`*`, `+`, `{2}`, `{1,3}`, `{2,}`).
    var repeats: Bool
    /// It allows none (`?`, `*`, `{0,…}`).
    var isOptional: Bool
    /// Possessive (`++`, `*+`): it gives nothing back, so it never backtracks.
    var isPossessive: Bool
  }

  let characters: [Character]
  var index = 0
  var groups = [Group(open: 0, isSealed: false)]

  init(_ characters: [Character]) { self.characters = characters }

  mutating func firstRisk() -> String? {
    while index < characters.count {
      let c = characters[index]
      switch c {
      case "\\":
        let start = escape()
        atom(start, quantifier: quantifier())
      case "[":
        skipClass()
        atom(.other, quantifier: quantifier())
      case "(":
        openGroup()
      case ")":
        if let risk = closeGroup() { return risk }
      case "|":
        groups[groups.count - 1].branches.append(Branch())
        index += 1
      case ".", "^", "$":
        index += 1
        atom(c == "." ? .other : nil, quantifier: quantifier())
      default:
        index += 1
        atom(.literal(c), quantifier: quantifier())
      }
    }
    return nil
  }

  /// Records an atom that begins with `start` (`nil` for an anchor, which matches no character) in the branch
  /// being read.
  private mutating func atom(_ start: Start?, quantifier: Quantifier?, endsWithRepeat inner: Bool = false) {
    var branch = groups[groups.count - 1].branches.removeLast()
    if branch.start == nil, let start { branch.start = quantifier?.isOptional == true ? .other : start }
    if let quantifier, quantifier.repeats, !quantifier.isPossessive {
      branch.endsWithRepeat = true
    } else if quantifier?.isOptional != true, start != nil || inner {
      branch.endsWithRepeat = inner
    }
    groups[groups.count - 1].branches.append(branch)
  }

  /// Reads an escape (`\d`, `\.`, `\p{Han}`, `\x{41}`, `\Q…\E`); returns how it begins.
  private mutating func escape() -> Start {
    index += 1
    guard index < characters.count else { return .other }
    let c = characters[index]
    index += 1
    if c == "Q" {
      // Quoted text up to `\E`: literal, beginning with its first character.
      let first = index < characters.count ? characters[index] : nil
      while index < characters.count, !(characters[index] == "\\" && index + 1 < characters.count && characters[index + 1] == "E") {
        index += 1
      }
      index = min(characters.count, index + 2)
      return first.map(Start.literal) ?? .other
    }
    if index < characters.count, characters[index] == "{", "pPxN".contains(c) {
      while index < characters.count, characters[index] != "}" { index += 1 }
      index += 1
    }
    // An escaped mark is that mark; an escaped letter or digit is a class (`\d`), a control or a back reference.
    return c.isLetter || c.isNumber ? .other : .literal(c)
  }

  /// Skips a character class, nested classes and escapes included.
  private mutating func skipClass() {
    var depth = 0
    repeat {
      switch characters[index] {
      case "\\": index += 1
      case "[": depth += 1
      case "]": depth -= 1
      default: break
      }
      index += 1
    } while depth > 0 && index < characters.count
  }

  /// Reads a quantifier after an atom, if there is one.
  private mutating func quantifier() -> Quantifier? {
    guard index < characters.count else { return nil }
    var result: Quantifier
    switch characters[index] {
    case "*": result = Quantifier(repeats: true, isOptional: true, isPossessive: false)
    case "+": result = Quantifier(repeats: true, isOptional: false, isPossessive: false)
    case "?": result = Quantifier(repeats: false, isOptional: true, isPossessive: false)
    case "{":
      // {n}, {n,}, {n,m}; anything else is a literal brace.
      guard let close = characters[index...].firstIndex(of: "}") else { return nil }
      let bounds = String(characters[(index + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
      guard (1...2).contains(bounds.count), let low = Int(bounds[0]) else { return nil }
      let high = bounds.count == 1 ? low : bounds[1].isEmpty ? Int.max : Int(bounds[1]) ?? low
      result = Quantifier(repeats: high > 1, isOptional: low == 0, isPossessive: false)
      index = close
    default:
      return nil
    }
    index += 1
    if index < characters.count, characters[index] == "?" {
      index += 1  // lazy: still backtracks
    } else if index < characters.count, characters[index] == "+" {
      index += 1
      result.isPossessive = true
    }
    return result
  }

  /// Reads `(` and what kind of group it opens; a flag setting `(?i)` or a comment `(?#…)` opens none.
  private mutating func openGroup() {
    let open = index
    index += 1
    var isSealed = false
    if index < characters.count, characters[index] == "?" {
      let rest = String(characters[(index + 1)..<min(characters.count, index + 4)])
      if rest.hasPrefix("#") {
        while index < characters.count, characters[index] != ")" { index += 1 }
        index += 1
        return
      }
      if rest.hasPrefix(">") || rest.hasPrefix("=") || rest.hasPrefix("!") || rest.hasPrefix("<=") || rest.hasPrefix("<!") {
        isSealed = true
      }
      // Flags: `(?i)` sets them for what follows (no group); `(?i:…)` is a group.
      var end = index + 1
      while end < characters.count, characters[end].isLetter || characters[end] == "-" { end += 1 }
      if end > index + 1, end < characters.count, characters[end] == ")", !rest.hasPrefix("<") {
        index = end + 1
        return
      }
    }
    groups.append(Group(open: open, isSealed: isSealed))
  }

  /// Reads `)` and the quantifier after it; returns the group as written when it is a risk.
  private mutating func closeGroup() -> String? {
    guard groups.count > 1 else {
      index += 1
      return nil
    }
    let group = groups.removeLast()
    index += 1
    let quantifier = quantifier()
    if let quantifier, quantifier.repeats, !quantifier.isPossessive, !group.isSealed {
      let starts = group.branches.map { $0.start ?? .other }
      let alike = starts.count > 1
        && (starts.contains(.other) || Set(starts.compactMap { if case .literal(let c) = $0 { c } else { nil } }).count < starts.count)
      if alike || group.branches.contains(where: \.endsWithRepeat) {
        return String(characters[group.open..<index])
      }
    }
    atom(.other, quantifier: quantifier, endsWithRepeat: !group.isSealed && group.branches.contains(where: \.endsWithRepeat))
    return nil
  }
}
