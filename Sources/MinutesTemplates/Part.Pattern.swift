import Foundation

extension Part {
  /// A pattern that a text answer must match, compiled once, at its first match, and matched within a
  /// budget of steps, so that a pattern that backtracks without end (`(a|aa)+$` on forty `a`s and a `b`) cannot
  /// stall the prompt: past the budget, the answer is ``Outcome/undecided`` and the checks say so.
  ///
  /// The budget is counted in ICU's progress callbacks, which its matching engine makes about every
  /// ``stepsPerTick`` steps: the same text and pattern always take the same number, on any machine and under
  /// any load (a time limit would not).
  public struct Pattern: Sendable, Hashable {
    /// A regular expression (ICU syntax) that must match the whole answer.
    public var regex: String { didSet { matcher = Matcher(regex: regex) } }
    /// The finding's message when it does not.
    public var message: String
    /// `error` or `warning`.
    public var severity: Severity
    /// The compiled expression, and the outcomes that were costly to find.
    private var matcher: Matcher

    /// A pattern: `regex` (ICU syntax) must match the whole answer, else a finding says `message`.
    public init(regex: String, message: String, severity: Severity = .error) {
      (self.regex, self.message, self.severity) = (regex, message, severity)
      matcher = Matcher(regex: regex)
    }

    /// Whether a text matches.
    public enum Outcome: Sendable, Hashable {
      /// The whole text matches.
      case match
      /// It does not (or the expression is not valid, which the template checker refuses anyway).
      case noMatch
      /// Matching took more than the budget (``budget(forLength:)``) and was stopped: the pattern backtracks too
      /// much on this text to tell.
      case undecided
    }

    /// About how many steps of ICU's matching engine pass between two progress callbacks (ICU's
    /// `TIMER_INITIAL_VALUE`); one callback is one tick of the budget.
    public static let stepsPerTick = 10_000

    /// The ticks a match of a text of `length` UTF-16 units may take: 100 (about a million steps, some 20 ms),
    /// plus one per 200 units (50 steps a character; a pattern that does not backtrack takes a few). A
    /// million-character answer may take some 5,100 ticks, about a second.
    public static func budget(forLength length: Int) -> Int { 100 + length / 200 }

    /// Whether the whole of `text` matches, decided within ``budget(forLength:)`` ticks.
    ///
    /// An outcome that took a tick or more is remembered for the same text (this runs at every prompt, on every
    /// answer of the part): a text that exhausts the budget costs it once per process, not once per prompt.
    /// - Complexity: at most about `stepsPerTick × budget(forLength: text.utf16.count)` steps.
    public func match(_ text: String) -> Outcome { matcher.match(text) }

    public static func == (a: Self, b: Self) -> Bool {
      (a.regex, a.message, a.severity) == (b.regex, b.message, b.severity)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(regex)
      hasher.combine(message)
      hasher.combine(severity)
    }
  }
}

extension Part.Pattern {
  /// The compiled expression of a pattern, shared by the copies of its template, and the outcomes that were
  /// costly to find.
  ///
  /// `@unchecked Sendable`: the only mutable state, `costly`, is read and written under `lock`.
  final class Matcher: @unchecked Sendable {
    /// The pattern's regular expression, as the template has it.
    private let regex: String
    private let lock = NSLock()
    /// `^(?:regex)$` once compiled (`.some(nil)` when `regex` is not a valid expression); `nil` until the first
    /// match: a template has dozens of patterns, and most commands match few of them or none (compiling them all
    /// was a quarter of reading a built-in template).
    private var compiled: NSRegularExpression??
    /// The outcomes that took at least one tick, by text; emptied when it holds ``maximumRemembered``.
    private var costly: [String: Outcome] = [:]
    /// The most costly outcomes remembered at once.
    static let maximumRemembered = 1_000

    /// For a pattern of the form `[^…]+` with literal characters alone between the brackets (`[^。！？]+`, "no
    /// sentence ends", the commonest in the templates): those characters. Such a pattern matches a whole text just
    /// when the text is not empty and holds none of them, which is decided here without ICU (its matcher costs
    /// some thousands of instructions a text, and compiling the first expression of a process ICU's sets of
    /// properties, a tenth of a small check); ``excludedByPattern(_:)`` says which patterns.
    ///
    /// Kept as an array, looked through for each scalar of a text: the templates' patterns exclude a few characters
    /// each, and a set hashed every scalar of every text (some hundred instructions each).
    private let excluded: [Unicode.Scalar]?

    /// For a pattern of the form `(?s)(?!A|B).*(?<!C|D)` with literal words alone in the look-arounds (either may
    /// be left out; `(?s)(?!會議).*`, "does not start with 會議", and `(?s).*(?<!同志)`, "does not end with 同志", the
    /// templates' `matches` checks run on every directive's lead): the words a text may not start with, and those
    /// it may not end with, compared scalar by scalar as ICU compares them. Decided here without ICU, as
    /// ``excluded``; ``affixesByPattern(_:)`` says which patterns.
    private let affixes: (starts: [[Unicode.Scalar]], ends: [[Unicode.Scalar]])?

    init(regex: String) {
      self.regex = regex
      excluded = Self.excludedByPattern(regex)
      affixes = excluded == nil ? Self.affixesByPattern(regex) : nil
    }

    /// The words `regex` forbids at the start and at the end of a text when it is `(?s)`, then `(?!…)` or not,
    /// `.*`, then `(?<!…)` or not (one of the two at least), each look-around a `|`-list of words with none of
    /// ICU's syntax in them; `nil` for any other pattern. In ICU's `^(?:…)$`, `.*` under `(?s)` takes line ends
    /// too, and a `$` before a final line end leaves the look-behind to see that line end: no other outcome.
    static func affixesByPattern(_ regex: String) -> (starts: [[Unicode.Scalar]], ends: [[Unicode.Scalar]])? {
      guard regex.hasPrefix("(?s)") else { return nil }
      var rest = Substring(regex.dropFirst(4))
      // The words of the look-around `opening…)` at the start of `rest`, taken off it: none when `rest` does not
      // start with one (a look-around there has a word at least), `nil` when one holds ICU's syntax.
      func words(_ opening: String) -> [[Unicode.Scalar]]? {
        guard rest.hasPrefix(opening), let close = rest.firstIndex(of: ")") else { return [] }
        let inside = rest[rest.index(rest.startIndex, offsetBy: opening.count)..<close]
        rest = rest[rest.index(after: close)...]
        let list = inside.split(separator: "|", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let plain = list.allSatisfy { word in
          !word.isEmpty && word.allSatisfy { !"\\.^$|?*+()[]{}".unicodeScalars.contains($0) && $0.value >= 0x20 }
        }
        return plain ? list : nil
      }
      guard let starts = words("(?!"), rest.hasPrefix(".*") else { return nil }
      rest = rest.dropFirst(2)
      guard let ends = words("(?<!"), rest.isEmpty, !(starts.isEmpty && ends.isEmpty) else { return nil }
      return (starts, ends)
    }

    /// The characters `regex` excludes when it is `[^…]+` with literal characters alone between the brackets
    /// (none of ICU's syntax: no `\`, `[`, `]`, `-`, `&`, `^`, `$`, `{`, `}` or whitespace, which `[…]` may read
    /// otherwise); `nil` for any other pattern. In ICU's `^(?:[^…]+)$` the negated set matches line ends too, so
    /// `$` (which may match before a final line end) changes nothing.
    static func excludedByPattern(_ regex: String) -> [Unicode.Scalar]? {
      let scalars = Array(regex.unicodeScalars)
      guard scalars.count > 4, scalars.prefix(2) == ["[", "^"], scalars.suffix(2) == ["]", "+"] else { return nil }
      let inside = scalars[2..<(scalars.count - 2)]
      guard inside.allSatisfy({ !"\\[]-&^${}:".unicodeScalars.contains($0) && !$0.properties.isWhitespace && $0.value >= 0x20 })
      else { return nil }
      return Array(inside)
    }

    /// `^(?:regex)$`, compiled at the first call; `nil` when `regex` is not a valid expression.
    private var expression: NSRegularExpression? {
      lock.withLock {
        if let compiled { return compiled }
        let expression = try? NSRegularExpression(pattern: "^(?:\(regex))$")
        compiled = .some(expression)
        return expression
      }
    }

    func match(_ text: String) -> Outcome {
      if let excluded {
        return !text.isEmpty && !text.unicodeScalars.contains(where: excluded.contains) ? .match : .noMatch
      }
      if let affixes {
        let scalars = text.unicodeScalars
        let starts = affixes.starts.contains { scalars.starts(with: $0) }
        let ends = affixes.ends.contains { scalars.reversed().starts(with: $0.reversed()) }
        return starts || ends ? .noMatch : .match
      }
      guard let expression else { return .noMatch }
      if let known = lock.withLock({ costly[text] }) { return known }
      let budget = Part.Pattern.budget(forLength: text.utf16.count)
      var (ticks, matched) = (0, false)
      expression.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) {
        result, flags, stop in
        if result != nil {
          matched = true
          stop.pointee = true
        } else if flags.contains(.progress) {
          ticks += 1
          if ticks > budget { stop.pointee = true }
        }
      }
      let outcome: Outcome = matched ? .match : ticks > budget ? .undecided : .noMatch
      if ticks > 0 {
        lock.withLock {
          if costly.count >= Self.maximumRemembered { costly.removeAll() }
          costly[text] = outcome
        }
      }
      return outcome
    }
  }
}

extension Part.Pattern: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case regex, message, severity }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(regex: try c.decode(String.self, forKey: .regex), message: try c.decode(String.self, forKey: .message),
              severity: try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .error)
  }
}
