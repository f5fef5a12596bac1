import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization

/// Checks a draft for what a clerk would otherwise catch only by rereading. Every finding has a severity, a
/// stable rule id, the address as a clerk types it, a message in the template's language and a hint naming the
/// command that fixes it.
///
/// Rules declared in the template (a new one needs no Swift change):
/// - `required`: a required field is empty, or a list has fewer entries than its `required`/`min` says (at
///   least one agenda item; every item a directive; every directive a point).
/// - `choice.unknown`: a closed choice holds a value the template does not offer (a file edited by hand).
/// - `pattern`: a text does not match its part's `pattern` (severity as declared); `pattern.tooCostly`, a
///   warning: matching it took more than its step budget (``Part/Pattern/budget(forLength:)``), so whether it
///   matches is not known (a pattern that backtracks too much, such as `(a|aa)+`).
///
/// - `check.ID`: a check the template declares in `checks:` comparing parts (``Check``): two values equal, a
///   person of one list in another, numbers without a gap, an optional part filled in.
///
/// Built in, for every template:
/// - `empty`: an entry or text with nothing in it.
/// - `date.invalid`, `time.invalid`: a date that does not exist (2024-02-30), a time that does not; a date may
///   leave out its year (`--09-13`) or its year and month (`---13`, warned of as `date.noMonth`).
/// - `number.invalid`: a number that is not positive, a count below 0 (a file edited by hand).
/// - `marks.unbalanced`: 《》 “” 「」 『』 （） () come in pairs (GB/T 15834-2011
///   §4.8 引号, §4.9 括号, §4.15 书名号; §5.1.3: the two halves stand at the ends of what they enclose).
/// - `punctuation.halfWidth`: half-width `, ; : ? ! ( )` next to CJK text (GB/T 15834-2011
///   §5.1.1–5.1.3: in horizontal text a mark takes a character's width; normally fixed on
///   input, so it appears only in files edited by hand), and a half-width `.` ending a Chinese sentence
///   (`可行.`, §4.1 句号; left as typed, since a `.` may be a decimal point).
/// - `import.unparsed`: a line of an imported text that could not be read, kept under `unparsed` until the
///   clerk puts its content where it belongs and deletes it.
/// - `notApplicable` (a warning): a value kept for a part whose `when` no longer holds, or whose `unless` does
///   (the seconder of a motion since marked as having died for lack of a second): it is not exported.
/// - `script.mixed`: in a `zh-Hant` template, a character that ICU's `Hans-Hant` transform would change (and in
///   `zh-Hans`, `Hant-Hans`), unless it is a character of both scripts that ICU's word rules keep where it stands
///   (后 in 皇后, 干 in 若干, 舍 in 宿舍, but not 干 in 干部: `ScriptVariants.alsoTraditional`, from Unihan and
///   OpenCC), or the surname starting a person's name (于 in 于海洋: `withoutSurname(_:at:language:)`). A warning
///   only: the wording is never changed.
///
/// Built in, where the template declares the roles (``Roles``):
/// - `attendance.twoCategories`, `attendance.duplicate`: a person is in one attendance category, once
///   (RONR 12th ed. 48:4(3): the minutes record who was present); `attendance.chairListed`: the chair is not
///   repeated among those present (the house style of the Chinese meeting report).
/// - `motion.noMover`, `motion.noDisposition`: every motion records its mover and what became of it
///   (RONR 12th ed. 48:4(5)).
/// - `votes.exceedPresent`: more votes than members present (RONR 12th ed. 44:1, 48:4(5)).
/// - `votes.resultMismatch`: a motion reported adopted without a majority of the votes cast, or failed with one,
///   by its counts or, without them, by its roll call (RONR 12th ed. 44:1; a majority vote unless the template's
///   rules say otherwise).
/// - `rollCall.tally`: the counts reported differ from the roll-call votes (RONR 12th ed. 45:48, 48:4(5)).
/// - `rollCall.twice`: a member votes twice; `rollCall.notPresent`: a voter is not among those present
///   (RONR 12th ed. 45:48).
public struct Validator: Sendable {
  /// The template whose rules and language apply.
  public let template: Template

  /// The transform into the other script of the template's language; `nil` for a language with one script. Made
  /// once for a validator, and its table once a walk (``ScriptTable/changes(by:)``): looked up again for each text
  /// of a draft, they had been a sixth of `script.mixed`'s cost.
  private let transform: StringTransform?

  /// Creates a validator for `template`.
  public init(template: Template) {
    self.template = template
    transform = ScriptVariants.transform(into: template.language)
  }

  private var m: Messages { template.messages }

  /// Every finding for `minutes`: errors first, then warnings, each in draft order.
  /// - Complexity: O(n) in the size of the draft.
  public func findings(in minutes: Minutes) -> [Finding] {
    findings(in: minutes, warnings: true)
  }

  /// The errors among ``findings(in:)``, in the same order, without running the rules that can only warn (the
  /// text rules `punctuation.halfWidth` and `script.mixed`, a `pattern` declared a warning): what can refuse an
  /// export.
  /// - Complexity: O(n) in the size of the draft.
  public func errors(in minutes: Minutes) -> [Finding] {
    findings(in: minutes, warnings: false).filter { $0.severity == .error }
  }

  /// The number of errors a clerk should know of while the interview is at `cursor`: every error, except
  /// required parts at or after the cursor in interview order (those are the questions still to come). The
  /// text rules that only warn are not run, so this is cheap enough for every prompt.
  /// - Complexity: O(n) in the size of the draft.
  public func openErrorCount(in minutes: Minutes, cursor: Address?) -> Int {
    var walk = Walk(warnings: false)
    let motions = motionFindings(minutes)
    // A part not filled in (a required one, or a motion's mover or disposition) at or after the cursor is a
    // question still to come, not an error yet; so is a roll call's tally while the roll call is being typed.
    let unfilled = Dictionary(grouping: motions.filter { $0.isUnfilled && !$0.whileTyped }, by: \.address).mapValues(\.count)
    let typed = motions.count { $0.whileTyped && $0.address == cursor }
    // A `filled` check's part not filled in yet is a question still to come, the same way.
    let declared = declaredFindings(minutes, errorsOnly: true)
    let pending = Dictionary(grouping: declared.compactMap(\.pending), by: { $0 }).mapValues(\.count)
    var (missing, ahead, declaredAhead, passedCursor) = (0, typed, 0, false)
    template.walk(minutes, slot: { slot, _, isMissing in
      if slot == cursor { passedCursor = true }
      if isMissing, !passedCursor { missing += 1 }
      if passedCursor {
        ahead += unfilled[slot] ?? 0
        declaredAhead += pending[slot] ?? 0
      }
    }, value: { value, part, address in check(value, part: part, at: address, &walk) })
    return missing + walk.findings.filter { $0.severity == .error }.count
      + attendanceFindings(minutes).filter { $0.severity == .error }.count + motions.count - ahead
      + declared.count - declaredAhead
  }

  /// The errors the value rules find in `value` alone (the rules of ``openErrorCount(in:cursor:)`` that look at
  /// one value: an empty entry or text, a line's missing parts, a number, a date, a time, a choice, a pattern,
  /// unbalanced marks), for a count kept up to date value by value.
  /// - Complexity: O(1) in the size of the draft: the value and, for an entry of a list of records, its parts.
  package func valueErrorCount(_ value: Value, part: Part, at address: Address) -> Int {
    var walk = Walk(warnings: false)
    check(value, part: part, at: address, &walk)
    return walk.findings.count { $0.severity == .error }
  }

  /// The errors of the rules that relate parts to each other (attendance, motions), less the motions' parts not
  /// filled in yet that `isAhead` says are questions still to come (slots at or after the interview's cursor).
  /// - Complexity: O(a + m) in the number of people listed and of motions.
  /// The checks named in `skipping` (those ``DraftIndex`` keeps entry by entry, ``entryChecks(of:)``) are not run.
  package func relationalErrorCount(in minutes: Minutes, cursor: Address? = nil, skipping: Set<String> = [],
                                    isAhead: (Address) -> Bool) -> Int {
    let motions = motionFindings(minutes)
    // A part not filled in (a mover, a disposition) at or after the cursor is a question still to come, not an
    // error yet; so is the tally of a roll call being typed (the cursor is at its end, where the next vote goes).
    return attendanceFindings(minutes).count { $0.severity == .error }
      + motions.count { $0.whileTyped ? $0.address != cursor : !($0.isUnfilled && isAhead($0.address)) }
      + declaredFindings(minutes, skipping: skipping, errorsOnly: true).count { !($0.pending.map(isAhead) ?? false) }
  }

  /// Every finding for `minutes`, as ``findings(in:)``, with the errors that are questions still to come while the
  /// interview is at `cursor` set apart in `toCome`, in draft order: those ``openErrorCount(in:cursor:)`` does not
  /// count (a required part, a motion's mover or disposition, a `filled` check's part, at or after the cursor; a
  /// roll call's tally while it is being typed). `asks` says whether the interview will still ask a required part
  /// after the cursor (on a detour, only those within it), as the prompt's count says (``openErrorCount`` and
  /// the session's detour). What `:check` lists in a session.
  /// - Complexity: O(n) in the size of the draft.
  public func findings(in minutes: Minutes, cursor: Address?, asks: (Address) -> Bool = { _ in true }) -> (findings: [Finding], toCome: [Finding]) {
    guard let cursor else { return (findings(in: minutes, warnings: true), []) }
    var toCome: [Finding] = []
    let all = findings(in: minutes, warnings: true, cursor: cursor, asks: asks, toCome: &toCome)
    return (all, toCome)
  }

  private func findings(in minutes: Minutes, warnings: Bool) -> [Finding] {
    var toCome: [Finding] = []
    return findings(in: minutes, warnings: warnings, cursor: nil, asks: { _ in true }, toCome: &toCome)
  }

  /// The findings; with a `cursor`, the errors still to come are put in `toCome` instead.
  private func findings(
    in minutes: Minutes, warnings: Bool, cursor: Address?, asks: (Address) -> Bool, toCome: inout [Finding]
  ) -> [Finding] {
    var findings: [Finding] = []
    var walk = Walk(warnings: warnings)
    var displays = AddressDisplays(template: template)
    let motions = motionFindings(minutes)
    let declared = declaredFindings(minutes, errorsOnly: !warnings)
    // The slots a finding still to come may wait at, and those the walk passes at or after the cursor.
    var waiting: Set<Address> = []
    if cursor != nil {
      waiting.formUnion(motions.filter { $0.isUnfilled && !$0.whileTyped }.map(\.address))
      waiting.formUnion(declared.compactMap(\.pending))
    }
    var ahead: Set<Address> = []
    var passedCursor = false
    template.walk(minutes, slot: { address, requires, isMissing in
      if address == cursor { passedCursor = true }
      if passedCursor, waiting.contains(address) { ahead.insert(address) }
      guard isMissing, let minimum = requires else { return }
      // A list short of entries is named by its label alone (‘Attendee’), not by the next entry's number.
      let label = address.isEnd && minimum > 1
        ? template.part(at: address)?.label ?? template.label(of: address, in: minutes)
        : template.label(of: address, in: minutes)
      let shown = displays(address)
      let message = address.isEnd && minimum > 1
        ? m.tooFewEntries(label, minimum)
        : m.missingRequired(label)
      let finding = Finding(.error, rule: "required", address: shown, message: message, hint: ":goto \(shown)")
      if passedCursor, asks(address) { toCome.append(finding) } else { findings.append(finding) }
    }, value: { value, part, address in check(value, part: part, at: address, &walk) })
    findings.reserveCapacity(findings.count + walk.findings.count)
    for pending in walk.findings { findings.append(pending.finding(&displays)) }
    findings += attendanceFindings(minutes)
    for motion in motions {
      let still = motion.whileTyped ? motion.address == cursor : motion.isUnfilled && ahead.contains(motion.address)
      if still { toCome.append(motion.finding) } else { findings.append(motion.finding) }
    }
    for (finding, pending) in declared where warnings || finding.severity == .error {
      if finding.severity == .error, let pending, ahead.contains(pending) { toCome.append(finding) } else { findings.append(finding) }
    }
    if warnings { findings += inapplicableFindings(minutes) }
    // Errors first, then warnings, each in the order found (a stable partition: sorting 75,000 findings by their
    // offsets copied each several times).
    return findings.filter { $0.severity == .error } + findings.filter { $0.severity != .error }
  }

  // MARK: - Values

  /// What the value rules collect over one walk.
  private struct Walk {
    /// Whether to run the text rules that only warn.
    let warnings: Bool
    /// What the value rules found, their addresses not yet displayed (the prompt only counts them).
    var findings: [PendingFinding] = []
    /// Characters already looked up for `script.mixed` (a draft repeats the same few thousand characters).
    var otherScript = ScriptTable()
    /// The `script.mixed` messages worded so far, by the characters they name.
    var mixedScriptMessages: [String: String] = [:]
  }

  /// A finding of the value rules before its address is displayed: it is about `address`, and its hint edits
  /// `editing` (the same address, or the entry that holds a missing part of a line).
  private struct PendingFinding {
    var severity: Finding.Severity
    var rule: String
    var message: String
    var address: Address
    var editing: Address

    /// The finding, its addresses displayed as a clerk types them.
    func finding(_ displays: inout AddressDisplays) -> Finding {
      let shown = displays(address)
      let hint = editing == address ? shown : displays(editing)
      return Finding(severity, rule: rule, address: shown, message: message, hint: ":edit \(hint)")
    }
  }

  private func add(_ severity: Finding.Severity, _ rule: String, _ message: String, at address: Address, _ walk: inout Walk) {
    walk.findings.append(PendingFinding(severity: severity, rule: rule, message: message, address: address, editing: address))
  }

  /// The rules of one value: an entry of a list of records (empty; a line's parts missing), or a scalar.
  private func check(_ value: Value, part: Part, at address: Address, _ walk: inout Walk) {
    if let records = part.records {
      guard let record = value.record, !record.isEmpty else {
        add(.error, "empty", m.emptyEntry, at: address, &walk)
        return
      }
      // A line was split into its parts when typed; a file edited by hand may lack one.
      for sub in records.parts where records.line != nil && sub.rules.required && record[sub.key] == nil {
        walk.findings.append(PendingFinding(severity: .error, rule: "required", message: m.missingRequired(sub.label),
                                            address: address.appending(key: sub.key), editing: address))
      }
      return
    }
    if case .number(let n) = value {
      // The interview takes only positive numbers and counts from 0; a file edited by hand may hold others.
      if case .number? = part.kind, n <= 0 {
        add(.error, "number.invalid", m.notPositive(n), at: address, &walk)
      } else if case .count? = part.kind, n < 0 {
        add(.error, "number.invalid", m.notACount(n), at: address, &walk)
      }
      return
    }
    guard case .text(let text) = value else { return }
    if part.key == Template.unparsedKey, address.steps.count > 1 {
      add(.error, "import.unparsed", m.unparsedEntry(text), at: address, &walk)
      return
    }
    if text.isEmpty {
      add(.error, "empty", m.emptyPart, at: address, &walk)
      return
    }
    switch part.kind {
    case .date?:
      if let date = PartialDate(parsing: text) {
        // A day without its month is a report's own choice (`3日下午`), but worth a second look.
        if date.month == nil { add(.warning, "date.noMonth", m.dateWithoutMonth(text), at: address, &walk) }
      } else {
        add(.error, "date.invalid", m.noSuchDate(text), at: address, &walk)
      }
      return
    case .time?:
      if MeetingTime(parsing: text) == nil { add(.error, "time.invalid", m.noSuchTime(text), at: address, &walk) }
      return
    case .choice(let values, let isOpen)? where !isOpen && !values.containsText(text):
      add(.error, "choice.unknown", m.notAChoice(text, values), at: address, &walk)
    default: break
    }
    // A pattern declared a warning can only warn (and one too costly to decide is a warning too).
    if let pattern = part.rules.pattern, walk.warnings || pattern.severity == .error {
      switch pattern.match(text) {
      case .match: break
      case .noMatch: add(pattern.severity, "pattern", pattern.message, at: address, &walk)
      case .undecided: add(.warning, "pattern.tooCostly", m.patternTooCostly(part.label), at: address, &walk)
      }
    }
    // With warnings, the scan for the other script reads the marks too (a surname it leaves out is a Han
    // character, no mark); the marks are read apart when it did not read them all.
    var marks = MarkScan()
    let other = walk.warnings
      ? otherScript(in: Self.withoutSurname(text, at: address, language: template.language), cache: &walk.otherScript, marks: &marks)
      : nil
    if let mark = marks.isComplete ? marks.unbalanced : Self.unbalancedMark(in: text) {
      add(.error, "marks.unbalanced", m.unbalanced(mark), at: address, &walk)
    }
    guard walk.warnings else { return }
    let hasHalfWidthMark = marks.isComplete ? marks.hasHalfWidthMark : Self.hasHalfWidthMark(text)
    if hasHalfWidthMark && Normalizer.normalize(text) != text || Self.hasHalfWidthStop(text) {
      add(.warning, "punctuation.halfWidth", m.halfWidthPunctuation, at: address, &walk)
    }
    if let characters = other {
      // A draft repeats the same few characters: each message is worded once.
      let message = walk.mixedScriptMessages[characters] ?? {
        let message = template.language == "zh-Hans"
          ? m.traditionalInSimplified(characters)
          : m.simplifiedInTraditional(characters)
        walk.mixedScriptMessages[characters] = message
        return message
      }()
      add(.warning, "script.mixed", message, at: address, &walk)
    }
  }

  /// `text` without its first character when it is a person's name (the value of a part keyed `name`, or an entry
  /// of one keyed `names`) starting with a character of both scripts: a surname (于, 范, 干, 余, 谷 in a Traditional
  /// report; 乾, 於 in a Simplified one), which ICU alone would change (于 → 於) and no word rule keeps.
  static func withoutSurname(_ text: String, at address: Address, language: String) -> String {
    let steps = address.steps
    let isName = steps.last == .key("name") || (steps.count > 1 && steps[steps.count - 2] == .key("names"))
    guard isName, let first = text.first else { return text }
    let shared = ScriptVariants.shared(in: language)
    return shared.contains(first) ? String(text.dropFirst()) : text
  }

  /// Whether `text` has a half-width `.` ending a Chinese sentence (`该条例总体可行.`): after a Han character, and
  /// followed by nothing, a space or CJK text. The normalizer leaves a `.` as typed (it may be a decimal point or
  /// an abbreviation's, and `...` an ellipsis), so the warning is all the clerk hears of it (GB/T 15834-2011 §4.1:
  /// 句号 `。`).
  static func hasHalfWidthStop(_ text: String) -> Bool {
    guard hasByte(UInt8(ascii: "."), in: text) else { return false }
    let scalars = Array(text.unicodeScalars)
    for index in scalars.indices where scalars[index] == "." && index > 0 {
      guard (0x3400...0x9FFF).contains(scalars[index - 1].value) else { continue }
      guard index + 1 < scalars.count else { return true }
      let next = scalars[index + 1]
      if next == " " || Normalizer.isCJK(Character(next)) { return true }
    }
    return false
  }

  /// The half-width marks the punctuation rule looks for.
  private static let halfWidthMarks: Set<Unicode.Scalar> = Set(Normalizer.fullWidthPunctuation.keys.compactMap(\.unicodeScalars.first))
  /// ``halfWidthMarks`` among ASCII, by scalar value: every text is scanned, so no hashing for the usual scalars.
  private static let asciiHalfWidthMarks: [Bool] = (0..<128).map { halfWidthMarks.contains(Unicode.Scalar(UInt8($0))) }

  /// The largest of ``halfWidthMarks`` (all ASCII today): a CJK text's scalars are above it, and hashing each
  /// to learn it was 15% of a check.
  private static let largestHalfWidthMark = halfWidthMarks.map(\.value).max() ?? 0

  /// Whether `text` has a scalar of ``halfWidthMarks``. Over the UTF-8 bytes when every mark is ASCII (in UTF-8 an
  /// ASCII byte is always that scalar, never part of another), as every text of a draft is scanned.
  static func hasHalfWidthMark(_ text: String) -> Bool {
    guard largestHalfWidthMark < 128 else { return text.unicodeScalars.contains(where: isHalfWidthMark) }
    let scanned = text.utf8.withContiguousStorageIfAvailable(hasHalfWidthMark(inUTF8:))
    return scanned ?? text.unicodeScalars.contains(where: isHalfWidthMark)
  }

  /// ``hasHalfWidthMark(_:)`` over UTF-8 bytes, when every mark is ASCII. The marks as two masks of bits, by byte
  /// value (0–63, 64–127), are read into locals before the scan (reading the table of 128 flags at each byte had
  /// cost 6 instructions a byte). When every mark is below 64 (`, ; : ? ! ( )`), eight bytes are tested at once
  /// for one below 64 (a CJK text's bytes are all above), and only such a word is read byte by byte.
  private static func hasHalfWidthMark(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let masks = asciiHalfWidthMasks
    func isMark(_ byte: UInt8) -> Bool { isASCIIHalfWidthMark(byte, masks) }
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    if masks.high == 0 {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if hasByteBelow64(word) {
          for offset in index..<index + 8 where isMark(base[offset]) { return true }
        }
        index += 8
      }
    }
    while index < bytes.count {
      if isMark(base[index]) { return true }
      index += 1
    }
    return false
  }

  /// Whether one of the eight bytes of `word` is below 64 (Bit Twiddling Hacks, "Determine if a word has a byte less
  /// than n": the result may mark more bytes than are below 64, but is zero only when none is).
  @inline(__always)
  static func hasByteBelow64(_ word: UInt64) -> Bool {
    (word &- 0x4040_4040_4040_4040) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// Whether `byte` is one of ``halfWidthMarks`` by `masks` (``asciiHalfWidthMasks``, read into a local by a scan):
  /// never for a byte above 127.
  @inline(__always)
  private static func isASCIIHalfWidthMark(_ byte: UInt8, _ masks: (low: UInt64, high: UInt64)) -> Bool {
    byte < 64 ? masks.low >> UInt64(byte) & 1 != 0 : byte < 128 && masks.high >> UInt64(byte &- 64) & 1 != 0
  }

  /// ``asciiHalfWidthMarks`` as bits: of the bytes 0–63, and of 64–127.
  private static let asciiHalfWidthMasks: (low: UInt64, high: UInt64) = asciiHalfWidthMarks.indices.reduce((0, 0)) { masks, byte in
    guard asciiHalfWidthMarks[byte] else { return masks }
    return byte < 64 ? (masks.0 | 1 << UInt64(byte), masks.1) : (masks.0, masks.1 | 1 << UInt64(byte - 64))
  }

  /// Whether the UTF-8 bytes of `text` hold `byte`.
  private static func hasByte(_ byte: UInt8, in text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    } ?? text.utf8.contains(byte)
  }

  /// Whether `scalar` is one of ``halfWidthMarks``.
  private static func isHalfWidthMark(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 128 { return asciiHalfWidthMarks[Int(scalar.value)] }
    return scalar.value <= largestHalfWidthMark && halfWidthMarks.contains(scalar)
  }

  // MARK: - Parts that do not apply

  /// `notApplicable`, a warning: a value kept for a part that does not apply where it is (a seconder kept for a
  /// motion since marked "Died for lack of a second"; see ``Template/applies(_:among:in:)``). The export leaves
  /// it out; the clerk deletes it or changes the part its condition names.
  /// - Complexity: O(n) in the number of records of the draft; what is under a value that does not apply is not
  ///   visited.
  private func inapplicableFindings(_ minutes: Minutes) -> [Finding] {
    template.inapplicableValues(in: minutes).compactMap { address, part, parts, record in
      guard let reason = Template.reasonNotApplying(part, among: parts, in: record) else { return nil }
      // A part that follows from one ruled out (the votes opposed, after the votes in favor) is named once that
      // one is deleted: the clerk deletes what the hint says and sees the rest.
      if record[reason.key] != nil, let cause = parts.first(where: { $0.key == reason.key }),
        !Template.applies(cause, among: parts, in: record)
      {
        return nil
      }
      let key = parts.first { $0.key == reason.key }?.label ?? reason.key
      let values = reason.values == ["*"] ? [] : reason.values
      let shown = template.display(address)
      let message = m.notApplicable(template.label(of: address, in: minutes), key: key, values: values, isUnless: reason.isUnless)
      return Finding(.warning, rule: "notApplicable", address: shown, message: message, hint: ":delete \(shown)")
    }
  }

  // MARK: - Attendance

  /// The names an entry of a list of people gives: its part `key` (a name, or a list of names: a group of 出席), or,
  /// without one, the entry itself.
  static func names(in entry: Value, key: String?) -> [String] {
    let named = key.flatMap { entry.record?[$0] } ?? entry
    return named.list?.compactMap(\.text) ?? named.text.map { [$0] } ?? []
  }

  /// Every person of the attendance categories, in order: the category, the entry's address and the name.
  private func people(_ minutes: Minutes) -> [(category: Roles.Category, label: String, address: Address, name: String)] {
    template.roles.attendance.flatMap { category -> [(Roles.Category, String, Address, String)] in
      guard let list = Address(stored: category.list) else { return [] }
      let label = template.part(at: list)?.label ?? category.list
      return minutes.entries(of: list).enumerated().flatMap { offset, entry -> [(Roles.Category, String, Address, String)] in
        let address = list.appending(.index(offset + 1))
        return Self.names(in: entry, key: category.name).map { (category, label, address, $0) }
      }
    }
  }

  /// The number of people the lists at `paths` name, each once: by the part `roles.attendance` names for the
  /// list, else the entry's text (padded names are the same person); `nil` when none of the paths is filled in.
  private func peopleCount(in paths: [String], _ minutes: Minutes) -> Int? {
    var people: Set<String> = []
    var found = false
    for path in paths {
      let key = template.roles.attendance.first { $0.list == path }?.name
      for (_, value) in values(at: path, in: minutes) {
        found = true
        for entry in value.list ?? [value] {
          people.formUnion(Self.names(in: entry, key: key).map(Self.person))
        }
      }
    }
    return found ? people.count : nil
  }

  private func attendanceFindings(_ minutes: Minutes) -> [Finding] {
    var findings: [Finding] = []
    var seen: [String: (list: String, label: String, address: String)] = [:]
    let chair = template.roles.chair.flatMap(Address.init(stored:)).flatMap { minutes.value(at: $0)?.text }.map(Self.person)
    // Those who came or went during the meeting are named in the other lists too (present, then left; absent at
    // the roll call, then arrived): no duplicate.
    for (category, label, address, name) in people(minutes) where !category.partly {
      let shown = template.display(address)
      // A padded name (王 芳, 王　芳) is the same person as 王芳.
      let person = Self.person(name)
      if let earlier = seen[person] {
        let twice = earlier.list == category.list
        // Each time against the one before it: a name three times is two findings that say where each other is,
        // and a name twice in one entry (one group's names) says so rather than pointing at itself.
        let message = !twice ? m.listedInBoth(name, earlier.label, at: earlier.address, and: label)
          : earlier.address == shown ? m.listedTwiceInOneEntry(name, in: label, entry: shown)
          : m.listedTwice(name, in: label, earlier: earlier.address)
        findings.append(Finding(
          .error, rule: twice ? "attendance.duplicate" : "attendance.twoCategories", address: shown, message: message,
          hint: ":edit \(shown)"))
      }
      seen[person] = (category.list, label, shown)
      if category.withoutChair, person == chair {
        findings.append(Finding(.warning, rule: "attendance.chairListed", address: shown,
                                message: m.chairListed(name, in: label), hint: ":edit \(shown)"))
      }
    }
    return findings
  }

  /// Who `name` names: the name without the spaces between its CJK characters, so that a two-character name
  /// padded to three (`王 芳`, `王　芳`, as lists of names print it) is the same person as `王芳`; it prints as
  /// typed.
  static func person(_ name: String) -> String { Normalizer.normalize(name) }

  // MARK: - Declared checks

  /// The findings of the template's `checks`. A `filled` finding is `pending` at the slot of the last part it
  /// looks for (a field, or a list's end): while that slot is at or after the interview's cursor, the part is a
  /// question still to come, not an error yet. With `errorsOnly` (the count at the prompt, after every answer),
  /// the checks that can only warn are not run: a warning on every directive's lead walked the whole draft at
  /// each answer.
  private func declaredFindings(
    _ minutes: Minutes, skipping: Set<String> = [], errorsOnly: Bool = false
  ) -> [(finding: Finding, pending: Address?)] {
    var findings: [(finding: Finding, pending: Address?)] = []
    let house = Dictionary(template.houseStyle.map { ($0.address.description, $0.value(in: minutes)) }, uniquingKeysWith: { a, _ in a })
    for check in template.checks where !errorsOnly || check.severity == .error {
      // A check that applies only where its `when` holds (a house-style choice counts as its default).
      let applies = check.when.allSatisfy { path, wanted in
        let held = house[path] ?? values(at: path, in: minutes).first?.1.scalarText
        guard let held else { return false }
        return wanted.contains("*") || wanted.contains(held)
      }
      guard applies else { continue }
      func add(_ address: Address, _ value: String, _ other: String = "", pending: Address? = nil, edit: Address? = nil) {
        let shown = template.display(address)
        findings.append((Finding(check.severity, rule: "check.\(check.id)", address: shown,
                                 message: check.message(value: value, other: other),
                                 hint: ":edit \(edit.map(template.display) ?? shown)"), pending))
      }
      switch check.kind {
      case .equal(let first, let second):
        guard let (address, a) = values(at: first, in: minutes).first, let (_, b) = values(at: second, in: minutes).first,
          let x = a.scalarText ?? a.number.map(String.init), let y = b.scalarText ?? b.number.map(String.init)
        else { continue }
        if x != y { add(address, x, y) }
      case .among(let path, let lists, let name):
        // Every value the path names (`motions.*.mover`: each motion's), in order, with the names of the lists
        // that apply to it: all of them, or, for paths alike up to a `*`, those of its own entry there (each
        // election's winner among its own nominees).
        var order: [(address: Address, person: String)] = []
        var names: [Address: Set<String>] = [:]
        for list in lists {
          let (scope, valueRest, listRest) = Self.sharedScope(path, list)
          let scopes: [(Address, Value)] = scope.map { values(at: $0, in: minutes) } ?? [(.root, .record(minutes.content))]
          for (address, within) in scopes {
            let listed = Set(Self.values(at: listRest, in: within, from: address).flatMap { _, value in
              (value.list ?? [value]).flatMap { Self.names(in: $0, key: name) }
            }.map(Self.person))
            for (address, value) in Self.values(at: valueRest, in: within, from: address) {
              guard let person = value.text else { continue }
              if names[address] == nil { order.append((address, person)) }
              names[address, default: []].formUnion(listed)
            }
          }
        }
        // Compared whole: `Mayor Reyes` is not `Dana Reyes`, and a look-alike name is no near miss here. Lists with
        // no one in them say nothing.
        for (address, person) in order {
          let listed = names[address] ?? []
          if !listed.isEmpty, !listed.contains(Self.person(person)) { add(address, person) }
        }
      case .sequence(let path, let key):
        for (list, value) in values(at: path, in: minutes) {
          var expected = 1
          for (offset, entry) in (value.list ?? []).enumerated() {
            guard let text = (key.flatMap { entry.record?[$0] } ?? entry).text, let (n, typed) = Self.leadingNumber(text)
            else { continue }
            if n != expected {
              let isChinese = typed.first.map { !$0.isASCII } ?? false
              add(list.appending(.index(offset + 1)), typed,
                  isChinese ? ChineseNumeral.string(expected, language: template.language) : String(expected))
            }
            expected = n + 1
          }
        }
      case .filled(let list, _, _, _):
        if skipping.contains(check.id) { continue }
        for found in filledFindings(check, in: partedValues(at: list, from: (.root, .record(minutes.content), template.parts))) {
          add(found.entry, found.title, pending: found.pending, edit: found.edit)
        }
      case .answered(let path):
        let tokens = path.split(separator: ".").map(String.init)
        if let last = tokens.last, ["year", "month", "day"].contains(last), tokens.count > 1 {
          // A part of a date (`meeting.date.year`): the date is there but lacks it; a date not filled in is the
          // `required` rule's business. Reported at the date.
          let datePath = tokens.dropLast().joined(separator: ".")
          guard let address = Address(stored: datePath), let text = minutes.value(at: address)?.text, PartialDate(parsing: text) != nil
          else { continue }
          if values(at: path, in: minutes).isEmpty { add(address, PartialDate.typed(text, language: template.language)) }
          continue
        }
        guard let address = Address(stored: path) else { continue }
        if minutes.value(at: address)?.scalarText?.isEmpty ?? true { add(address, "") }
      case .order(let steps):
        // `at`: minutes from the first midnight; a time more than 12 hours before the one before it is the next
        // day's. Each group of a step starts from the latest time before the step; the step ends at the latest
        // of its groups.
        // Whole dates (a year, a month and a day) are compared as they are: a next meeting before this one.
        var latest: (shown: String, at: Int)?
        for step in steps {
          var after = latest
          for group in step {
            var inGroup = latest
            for (address, value) in timesInOrder(group, in: minutes) {
              guard let text = value.text else { continue }
              let shown: String, at: Int
              if let time = MeetingTime(parsing: text) {
                var minute = (inGroup?.at ?? 0) / (24 * 60) * (24 * 60) + Self.minutes(of: time)
                if let before = inGroup, minute < before.at, before.at - minute > 12 * 60 { minute += 24 * 60 }
                (shown, at) = (template.styles.time.format(time), minute)
              } else if let date = MeetingDate(parsing: text) {
                (shown, at) = (text, (date.year * 12 + date.month) * 31 + date.day)
              } else {
                continue
              }
              if let before = inGroup, at < before.at {
                add(address, shown, before.shown)
              } else {
                inGroup = (shown, at)
              }
            }
            if let end = inGroup, end.at > after?.at ?? Int.min { after = end }
          }
          latest = after
        }
      case .atMost(let each, let sum, let max):
        let most: Int? = max.count == 1
          ? values(at: max[0], in: minutes).first.flatMap { _, value in value.list.map(\.count) ?? value.number }
          : peopleCount(in: max, minutes)
        // A negative most is a number out of range, which `number.invalid` reports.
        guard let most, most >= 0 else { continue }
        let scopes: [(Address, Value)] = each.map { values(at: $0, in: minutes).flatMap { address, value in
          (value.list ?? []).enumerated().map { (address.appending(.index($0.offset + 1)), $0.element) }
        } } ?? [(.root, .record(minutes.content))]
        for (scope, value) in scopes {
          let counts = sum.flatMap { Self.values(at: $0, in: value, from: scope) }.compactMap { address, value in
            (value.number ?? value.list?.count).map { (address, $0) }
          }
          guard let first = counts.first else { continue }
          let total = counts.reduce(0) { Self.sum($0, $1.1) }
          if total > most { add(first.0, String(total), String(most)) }
        }
      case .result(let result):
        for (list, value) in values(at: result.list, in: minutes) {
          for (offset, entry) in (value.list ?? []).enumerated() {
            guard let record = applicable(entry, in: list), let announced = record[result.key]?.text else { continue }
            let address = list.appending(.index(offset + 1)).appending(key: result.key)
            if let other = Self.disagreement(announced, record: record, result) { add(address, announced, other) }
          }
        }
      case .differ(let path, let keys):
        for (list, value) in values(at: path, in: minutes) {
          // Each entry of a list, or a group as one record (`previousMinutes`).
          let records: [(Address, Value)] = value.list?.enumerated().map { (list.appending(.index($0.offset + 1)), $0.element) }
            ?? [(list, value)]
          for (address, entry) in records {
            guard let record = applicable(entry, in: list) else { continue }
            var seen: Set<String> = []
            for key in keys {
              guard let name = record[key]?.text, !name.isEmpty else { continue }
              if !seen.insert(Self.person(name)).inserted { add(address.appending(key: key), name) }
            }
          }
        }
      case .most(let listPath, let key, let countsKey, let name, let votes):
        for (list, value) in values(at: listPath, in: minutes) {
          for (offset, entry) in (value.list ?? []).enumerated() {
            guard let record = applicable(entry, in: list), let person = record[key]?.text else { continue }
            let counted = (record[countsKey]?.list ?? []).compactMap { count -> (String, Int)? in
              guard let who = count.record?[name]?.text, let n = count.record?[votes]?.number else { return nil }
              return (who, n)
            }
            guard let top = counted.map(\.1).max() else { continue }
            let leaders = counted.filter { $0.1 == top }.map(\.0)
            if !leaders.map(Self.person).contains(Self.person(person)) {
              add(list.appending(.index(offset + 1)).appending(key: key), person, m.list(leaders))
            }
          }
        }
      case .same(let path, let key):
        for (list, value) in values(at: path, in: minutes) {
          var first: String?
          for (offset, entry) in (value.list ?? []).enumerated() {
            guard let record = applicable(entry, in: list), let text = record[key]?.scalarText, !text.isEmpty else { continue }
            guard let expected = first else {
              first = text
              continue
            }
            if text != expected { add(list.appending(.index(offset + 1)).appending(key: key), text, expected) }
          }
        }
      case .matches(let path, let pattern, let when):
        for (address, value) in values(at: path, in: minutes) {
          guard let text = value.text else { continue }
          if !when.isEmpty, !Template.holds(when, in: minutes.value(at: address.parent)?.record) { continue }
          if pattern.match(text) == .noMatch { add(address, text) }
        }
      case .alike(let paths):
        // Each spelling (letter case, spaces and a final period aside) with where it is first used, in the order
        // of the paths.
        var spellings: [(key: [Character], text: String, address: Address)] = []
        var seen: Set<[Character]> = []
        for path in paths {
          for (address, value) in values(at: path, in: minutes) {
            guard let text = value.text, !text.isEmpty else { continue }
            let key = Array(Self.spellingKey(text))
            if seen.insert(key).inserted { spellings.append((key, text, address)) }
          }
        }
        for (index, later) in spellings.enumerated() {
          guard let first = spellings[..<index].first(where: { Self.nearlyAlike($0.key, later.key) }) else { continue }
          add(later.address, later.text, first.text)
        }
      case .statedOnce(let path, let paths, let words, let before):
        guard let stated = values(at: path, in: minutes).first?.1.text else { continue }
        for textPath in paths {
          for (address, value) in values(at: textPath, in: minutes) {
            guard let text = value.text,
              let found = Self.statedWord(in: text, words: words.filter { $0.lowercased() != stated.lowercased() }, before: before)
            else { continue }
            add(address, found, stated)
          }
        }
      case .conflict(let path, let holds, let listPath, let key, let starts):
        guard let held = values(at: path, in: minutes).first?.1.scalarText, holds.contains("*") || holds.contains(held) else { continue }
        for (list, value) in values(at: listPath, in: minutes) {
          for (offset, entry) in (value.list ?? []).enumerated() {
            guard let record = applicable(entry, in: list), let text = record[key]?.scalarText, starts.contains(where: text.hasPrefix)
            else { continue }
            let title = record["name"]?.text ?? record.fields.values.first { $0.text != nil }?.text ?? ""
            add(list.appending(.index(offset + 1)), title, text)
          }
        }
      }
    }
    return findings
  }

  /// The longest start two check paths share that ends at a `*` (`elections.*`), and what is left of each after
  /// it; no start, and the paths whole, when they share none.
  static func sharedScope(_ a: String, _ b: String) -> (scope: String?, a: String, b: String) {
    let x = a.split(separator: "."), y = b.split(separator: ".")
    // The tokens both start with, short of the last of either: something must be left of each.
    var shared = 0
    while shared < min(x.count, y.count) - 1, x[shared] == y[shared] { shared += 1 }
    guard let star = x[..<shared].lastIndex(of: "*") else { return (nil, a, b) }
    let end = star + 1
    return (x[..<end].joined(separator: "."), x[end...].joined(separator: "."), y[end...].joined(separator: "."))
  }

  /// `text` as ``Check/Kind/alike(_:)`` compares it: lower-cased, runs of spaces as one, without the spaces and
  /// period at its ends.
  static func spellingKey(_ text: String) -> String {
    var key = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while key.hasSuffix(".") { key.removeLast() }
    return key
  }

  /// Whether two different spellings are one or two edits apart (two only for spellings of more than 10
  /// characters): a typo, not another name (`Policy`, `Polcy`; not `Item 1`, `Item 12`, whose numbers differ).
  static func nearlyAlike(_ a: [Character], _ b: [Character]) -> Bool {
    guard a != b else { return false }
    let limit = min(a.count, b.count) > 10 ? 2 : 1
    guard editDistance(a, b, atMost: limit) != nil else { return false }
    // Spellings with other numbers in them are other things (Item 1, Item 12; ZA-2025-03, ZA-2025-04).
    return a.filter(\.isNumber) == b.filter(\.isNumber)
  }

  /// The Levenshtein distance of `a` and `b` (insertions, deletions and substitutions of one element) when it is
  /// at most `limit`, else `nil`. Only the cells within `limit` of the diagonal are computed, one row at a time,
  /// stopping once a whole row exceeds the limit: O(n · limit) for sequences of length n, where the full table
  /// was O(n²) (the near-spelling check compares every pair of spellings: 500 motion titles took 2 s to export).
  static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], atMost limit: Int) -> Int? {
    let (n, m) = (a.count, b.count)
    guard limit >= 0, abs(n - m) <= limit else { return nil }
    let over = limit + 1  // any distance past the limit
    // Row i holds the distances of a[..<i] to b[..<j]; cells outside the band are `over`.
    var previous = (0...m).map { $0 <= limit ? $0 : over }
    var current = [Int](repeating: over, count: m + 1)
    for i in stride(from: 1, through: n, by: 1) {
      let low = max(1, i - limit), high = min(m, i + limit)
      current[low - 1] = low == 1 && i <= limit ? i : over
      var rowLeast = current[low - 1]
      if low <= high {
        for j in low...high {
          let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
          let cell = min(substitution, previous[j] + 1, current[j - 1] + 1, over)
          current[j] = cell
          rowLeast = min(rowLeast, cell)
        }
      }
      if high < m { current[high + 1] = over }
      if rowLeast > limit { return nil }
      swap(&previous, &current)
    }
    return previous[m] <= limit ? previous[m] : nil
  }

  /// The first of `words` that `text` has as a whole word followed by one of `before` (`Special Meeting`), as
  /// written in `text`; words compared without case.
  static func statedWord(in text: String, words: [String], before: [String]) -> String? {
    let tokens = text.split { !$0.isLetter }
    for (index, token) in tokens.enumerated() where index + 1 < tokens.count {
      let next = tokens[index + 1].lowercased()
      guard before.contains(where: { $0.lowercased() == next }) else { continue }
      if words.contains(where: { $0.lowercased() == token.lowercased() }) { return String(token) }
    }
    return nil
  }

  /// `entry`'s record, an entry of the list (or the group's record, where `list` holds a group) at `list`,
  /// without the values whose parts do not apply in it (see ``Template/applicable(_:parts:)``); `nil` when it
  /// is no record.
  private func applicable(_ entry: Value, in list: Address) -> Record? {
    guard let record = entry.record else { return nil }
    return Template.applicable(record, parts: template.part(at: list)?.parts ?? [])
  }

  /// The minutes since midnight of `time`.
  private static func minutes(of time: MeetingTime) -> Int { time.hour * 60 + time.minute }

  /// The values of a group of `order` paths, entry by entry: each path's values, merged by the number of the
  /// entry of the first list they are in (`recesses.1.began`, `recesses.1.ended`, `recesses.2.began`…), and in
  /// the group's order within one entry.
  private func timesInOrder(_ group: [String], in minutes: Minutes) -> [(Address, Value)] {
    let found = group.enumerated().flatMap { order, path in values(at: path, in: minutes).map { (order, $0.0, $0.1) } }
    func entry(_ address: Address) -> Int {
      for step in address.steps { if case .index(let n) = step { return n } }
      return 0
    }
    return found.sorted { (entry($0.1), $0.0) < (entry($1.1), $1.0) }.map { ($0.1, $0.2) }
  }

  /// The votes in favor and against in `record`, as `result` names them: its counts, or without them its roll
  /// call's tally; `nil` when it has neither.
  private static func counts(in record: Record, _ result: Check.ResultCheck) -> (Int, Int)? {
    tally(in: record, result).map { ($0.for, $0.against) }
  }

  /// The votes in favor and opposed in `record`, by its counts or else by its roll call, and the abstentions
  /// when the record gives them (the count `abstentions`, or the roll call's votes among `abstain`).
  private static func tally(in record: Record, _ result: Check.ResultCheck) -> (for: Int, against: Int, abstaining: Int?)? {
    if let f = result.votesFor.flatMap({ record[$0]?.number }), let a = result.votesAgainst.flatMap({ record[$0]?.number }) {
      return (f, a, result.abstentions.flatMap { record[$0]?.number })
    }
    guard let list = result.rollCall, let vote = result.vote, let entries = record[list]?.list, !entries.isEmpty else { return nil }
    let votes = entries.compactMap { $0.record?[vote]?.text }
    return (votes.filter(result.yes.contains).count, votes.filter(result.no.contains).count,
            result.abstain.isEmpty ? nil : votes.filter(result.abstain.contains).count)
  }

  /// The three numbers of a result announced as in favor, opposed and abstaining (`Passes 4-2-1`, `4–2–1`).
  static func threeNumbers(in text: String) -> (Int, Int, Int)? {
    guard let match = text.firstMatch(of: /(\d{1,6})\s*[-–—]\s*(\d{1,6})\s*[-–—]\s*(\d{1,6})/), let a = Int(match.1),
      let b = Int(match.2), let c = Int(match.3)
    else { return nil }
    return (a, b, c)
  }

  /// What the result `announced` disagrees with in `record`, as `result` says: the counts or the roll call's
  /// tally (`4-1`) when its numbers differ from them or it says unanimous beside votes against, or the
  /// disposition when its words say the opposite; `nil` when it agrees.
  static func disagreement(_ announced: String, record: Record, _ result: Check.ResultCheck) -> String? {
    // Announced with its abstentions (`Passes 4-2-1`) where the record gives them: all three compared, and shown.
    if let (yes, no, abstaining) = threeNumbers(in: announced), let tally = tally(in: record, result), let x = tally.abstaining,
      (tally.for, tally.against, x) != (yes, no, abstaining)
    {
      return "\(tally.for)-\(tally.against)-\(x)"
    }
    if let (yes, no) = numbers(in: announced), let (f, a) = counts(in: record, result), (f, a) != (yes, no) {
      return "\(f)-\(a)"
    }
    // Without counts, the announced numbers themselves against the disposition (`Carried 2-4` for an amendment
    // recorded Adopted).
    if let (yes, no) = numbers(in: announced), counts(in: record, result) == nil, let key = result.disposition,
      let disposition = record[key]?.text,
      (result.adopted.contains(where: disposition.hasPrefix) && yes <= no) || (result.failed.contains(where: disposition.hasPrefix) && yes > no)
    {
      return disposition
    }
    if !result.unanimous.isEmpty, let (f, a) = counts(in: record, result), a > 0 {
      let words = announced.lowercased().split { !$0.isLetter }
      if words.contains(where: { word in result.unanimous.contains { word.hasPrefix($0.lowercased()) } }) { return "\(f)-\(a)" }
    }
    guard let key = result.disposition, let disposition = record[key]?.text else { return nil }
    let words = announced.lowercased().split { !$0.isLetter }.map(String.init)
    func says(_ stems: [String]) -> Bool { words.contains { word in stems.contains { word.hasPrefix($0.lowercased()) } } }
    if says(result.passes), result.failed.contains(where: disposition.hasPrefix) { return disposition }
    if says(result.fails), result.adopted.contains(where: disposition.hasPrefix) { return disposition }
    return nil
  }

  /// The first pair of numbers in `text` joined by `-`, `–`, `—` or ` to ` (`Passes 4-2`, `carried 5 to 0`).
  static func numbers(in text: String) -> (Int, Int)? {
    guard let match = text.firstMatch(of: /(\d{1,6})\s*(?:-|–|—|to)\s*(\d{1,6})/), let a = Int(match.1), let b = Int(match.2)
    else { return nil }
    return (a, b)
  }

  /// The values `path` names below `value` (at `address`): as ``values(at:in:)``, from a record within the draft.
  private static func values(at path: String, in value: Value, from address: Address) -> [(Address, Value)] {
    var found: [(Address, Value)] = [(address, value)]
    for token in path.split(separator: ".").map(String.init) {
      found = found.flatMap { address, value -> [(Address, Value)] in
        if token == "*" {
          return (value.list ?? []).enumerated().map { (address.appending(.index($0.offset + 1)), $0.element) }
        }
        return value.record?[token].map { [(address.appending(key: token), $0)] } ?? []
      }
    }
    return found
  }

  /// The values a check's path names, with their addresses: `*` is every entry of a list; `year`, `month` or
  /// `day` after a date is that part of it (a number), when the date has it.
  private func values(at path: String, in minutes: Minutes) -> [(Address, Value)] {
    partedValues(at: path, from: (.root, .record(minutes.content), template.parts)).map { ($0.0, $0.1) }
  }

  /// The values `path` names from `start` (an address, the value there and the parts of its record, or of its
  /// list's entries), each with the parts of the record it is, or of the entries of the list it is.
  private func partedValues(at path: String, from start: (Address, Value, [Part])) -> [(Address, Value, [Part])] {
    // Each value with the parts of the record it is, or of the entries of the list it is: a value whose part
    // does not apply where it is (the seconder of a motion since recorded as having died for lack of one) is
    // not printed, and not compared. Depth first, one address extended in place and copied only for a value
    // found: level by level, every address of every level was an array of its own (a tenth of a check of
    // 5,000 items, for a path to every directive's lead).
    var found: [(Address, Value, [Part])] = []
    var address = start.0
    let tokens = path.split(separator: ".").map(String.init)
    func visit(_ token: Int, _ value: Value, _ parts: [Part]) {
      guard token < tokens.count else {
        found.append((address, value, parts))
        return
      }
      let name = tokens[token]
      if name == "*" {
        for (offset, entry) in (value.list ?? []).enumerated() {
          address.steps.append(.index(offset + 1))
          visit(token + 1, entry, parts)
          address.steps.removeLast()
        }
        return
      }
      if let record = value.record, let child = record[name] {
        let part = parts.first { $0.key == name }
        if let part, !Template.applies(part, among: parts, in: record) { return }
        address.steps.append(.key(name))
        visit(token + 1, child, part?.parts ?? [])
        address.steps.removeLast()
        return
      }
      if let text = value.text, let date = PartialDate(parsing: text) {
        let n: Int? = switch name {
        case "year": date.year
        case "month": date.month
        case "day": date.day
        default: nil
        }
        if let n { visit(token + 1, .number(n), []) }
      }
    }
    visit(0, start.1, start.2)
    return found
  }

  // MARK: - `filled`, entry by entry

  /// What a `filled` check finds in the lists `lists` (each its address, its value and its entries' parts): each
  /// entry without any of the parts named, with its title, the slot at which it is still a question to come, and
  /// the first field asked for, which the hint opens (`:edit 1.1.lead`, where a draft's export prints its mark).
  private func filledFindings(
    _ check: Check, in lists: [(Address, Value, [Part])]
  ) -> [(entry: Address, title: String, pending: Address?, edit: Address?)] {
    guard case .filled = check.kind else { return [] }
    var found: [(entry: Address, title: String, pending: Address?, edit: Address?)] = []
    for (list, value, parts) in lists {
      for (offset, entry) in (value.list ?? []).enumerated() {
        guard let held = entry.record else { continue }
        guard let asked = check.unfilledKeys(in: held, parts: parts) else { continue }
        let record = Template.applicable(held, parts: parts)
        // The entry named by its person where it has one, else by its first text.
        let title = record["name"]?.text ?? record.fields.values.first { $0.text != nil }?.text ?? ""
        let address = list.appending(.index(offset + 1))
        let last = parts.last { asked.contains($0.key) }
        let slot = last.map { part -> Address in
          let field = address.appending(key: part.key)
          if case .list = part.shape { return field.appending(.end) }
          return field
        }
        let field = Check.firstField(among: asked, parts: parts)
        found.append((address, title, slot, field.map { address.appending(key: $0) }))
      }
    }
    return found
  }

  /// The `filled` checks that one entry of the top-level list stored at `list` (`items`, `attendance.absent`)
  /// decides alone, with the path from the entry to the list each checks (`directives`; empty for `list` itself):
  /// those without a `when` of their own (a house style is the draft's, not the entry's) whose list is `list` or
  /// lies within its entries (`items.*.directives`). ``DraftIndex`` keeps their errors entry by entry.
  package func entryChecks(of list: String) -> [(check: Check, rest: String)] {
    template.checks.compactMap { check in
      guard case .filled(let path, _, _, _) = check.kind, check.when.isEmpty else { return nil }
      if path == list { return (check, "") }
      guard path.hasPrefix(list + ".*.") else { return nil }
      return (check, String(path.dropFirst(list.count + 3)))
    }
  }

  /// The errors of `checks` (``entryChecks(of:)`` of a top-level list) in its entry `entry` at `address` (of the
  /// list `part`): for each, the slot at which it is a question still to come (see ``declaredFindings``), or
  /// `nil` when it has none.
  /// - Complexity: O(e) in the size of the entry.
  package func entryCheckErrors(_ entry: Value, at address: Address, part: Part, checks: [(check: Check, rest: String)]) -> [Address?] {
    var errors: [Address?] = []
    for (check, rest) in checks where check.severity == .error {
      guard let index = address.steps.last else { continue }
      // The entry as the only entry of its list, at its own number, or the lists within it.
      let lists: [(Address, Value, [Part])] = rest.isEmpty
        ? [(address.parent, .list([entry]), part.parts)]
        : partedValues(at: rest, from: (address, entry, part.parts))
      for found in filledFindings(check, in: lists) {
        if rest.isEmpty, case .index(let n) = index {
          // Numbered as the entry itself, not as the first of a list of one.
          errors.append(found.pending.flatMap { $0.remapped(in: address.parent) { _ in n } })
        } else {
          errors.append(found.pending)
        }
      }
    }
    return errors
  }

  /// The number an entry starts with, Arabic (`3.`) or Chinese (`三要`, `十一、`), and its digits as typed; only
  /// a number followed by what numbers an entry (`要` `是` `、` `.` `．` `）` `)`), so that `十分重要` is no tenth.
  static func leadingNumber(_ text: String) -> (Int, String)? {
    let arabic = text.prefix { $0.isASCII && $0.isNumber }
    let chinese = text.prefix { "〇零一二兩两三四五六七八九十百".contains($0) }
    let digits = arabic.isEmpty ? chinese : arabic
    guard !digits.isEmpty, let next = text.dropFirst(digits.count).first, "要是、.．）)".contains(next) else { return nil }
    guard let n = arabic.isEmpty ? ChineseNumeral.parse(String(digits)) : Int(digits) else { return nil }
    return (n, String(digits))
  }

  // MARK: - Motions

  /// The motion rules' findings, each with the stored address of the part it is about, and whether it is about a
  /// part not filled in (a mover, a disposition), which the prompt counts only once the interview has passed it.
  /// A roll call's tally against the counts (`rollCall.tally`, and `votes.resultMismatch` judged by the roll call)
  /// is pending while the roll call is being typed (`whileTyped`, at its end `2.rollCall.+`, where the cursor
  /// stands between votes): a tally short of the counts is no mistake yet.
  private func motionFindings(_ minutes: Minutes) -> [(finding: Finding, address: Address, isUnfilled: Bool, whileTyped: Bool)] {
    guard let roles = template.roles.motions else { return [] }
    var findings: [(finding: Finding, address: Address, isUnfilled: Bool, whileTyped: Bool)] = []
    // Those present at the roll call and those who came later, each once (a member who left early is one member).
    let present = Set(people(minutes).filter { $0.category.present }.map { Self.person($0.name) })
    let motionParts = Address(stored: roles.list).flatMap(template.part(at:))?.parts ?? []
    for motion in expand(roles.list, in: minutes) {
      // What no longer applies (the counts of a motion since withdrawn) is not printed, and not judged.
      guard let held = minutes.value(at: motion)?.record else { continue }
      let record = Template.applicable(held, parts: motionParts)
      let shown = template.display(motion)
      func add(_ rule: String, _ message: String, at key: String? = nil, hint: String? = nil, unfilled: Bool = false,
               pendingAt pending: Address? = nil) {
        let address = key.map { motion.appending(key: $0) } ?? motion
        let place = template.display(address)
        let hint = hint.map { template.display(motion.appending(key: $0)) }.map { ":edit \($0)" }
        let finding = Finding(.error, rule: rule, address: place, message: message, hint: hint ?? (key.map { _ in ":edit \(place)" } ?? ":show \(shown)"))
        findings.append((finding, pending ?? address, unfilled, pending != nil))
      }
      if record[roles.mover] == nil { add("motion.noMover", m.noMover, at: roles.mover, unfilled: true) }
      let disposition = record[roles.disposition]?.text
      if disposition == nil { add("motion.noDisposition", m.noDisposition, at: roles.disposition, unfilled: true) }
      let count = { (key: String?) in key.flatMap { record[$0]?.number } }
      let (yes, no, abstain) = (count(roles.votesFor), count(roles.votesAgainst), count(roles.abstentions))
      // Without counts, the roll call's tally is the vote the disposition must agree with.
      let tallied: (yes: Int, no: Int)? = roles.rollCall.flatMap { rollCall in
        guard let entries = record[rollCall.list]?.list, !entries.isEmpty else { return nil }
        let votes = entries.compactMap { $0.record?[rollCall.vote]?.text }
        return (votes.filter(rollCall.votesFor.contains).count, votes.filter(rollCall.votesAgainst.contains).count)
      }
      // Counts are read from a file and may be any number: their sums saturate rather than overflow.
      let total = Self.sum(Self.sum(yes ?? 0, no ?? 0), abstain ?? 0)
      if !present.isEmpty, total > present.count {
        add("votes.exceedPresent", m.votesExceedPresent(total, present: present.count), hint: roles.votesFor)
      }
      let rollCallEnd = roles.rollCall.map { motion.appending(key: $0.list).appending(.end) }
      let counted = yes.flatMap { y in no.map { (y, $0) } }
      if let disposition, let (yes, no) = counted ?? tallied {
        // Judged by a roll call (no counts), the result is pending until the roll call is typed to its end.
        let pending = counted == nil ? rollCallEnd : nil
        if roles.adopted.contains(where: disposition.hasPrefix), yes <= no {
          add("votes.resultMismatch", m.adoptedWithoutMajority(yes, of: Self.sum(yes, no)), hint: roles.disposition, pendingAt: pending)
        } else if roles.failed.contains(where: disposition.hasPrefix), yes > no {
          add("votes.resultMismatch", m.failedWithMajority(yes, of: Self.sum(yes, no)), hint: roles.disposition, pendingAt: pending)
        }
      }
      guard let rollCall = roles.rollCall, let entries = record[rollCall.list]?.list, !entries.isEmpty else { continue }
      var tally = (yes: 0, no: 0, abstain: 0)
      var voted: [String: Int] = [:]
      for (offset, entry) in entries.enumerated() {
        let entryAddress = motion.appending(key: rollCall.list).appending(.index(offset + 1))
        let place = template.display(entryAddress)
        guard let member = entry.record?[rollCall.member]?.text, let vote = entry.record?[rollCall.vote]?.text else { continue }
        if let earlier = voted[member] {
          findings.append((Finding(.error, rule: "rollCall.twice", address: place,
                                   message: m.votesTwice(member, earlier: earlier), hint: ":delete \(place)"), entryAddress, false, false))
        }
        voted[member] = offset + 1
        let counts = rollCall.votesFor.contains(vote) || rollCall.votesAgainst.contains(vote) || rollCall.abstentions.contains(vote)
        if counts, !present.isEmpty, !present.contains(Self.person(member)) {
          findings.append((Finding(.error, rule: "rollCall.notPresent", address: place,
                                   message: m.voterNotPresent(member), hint: ":edit \(place)"), entryAddress, false, false))
        }
        if rollCall.votesFor.contains(vote) { tally.yes += 1 }
        if rollCall.votesAgainst.contains(vote) { tally.no += 1 }
        if rollCall.abstentions.contains(vote) { tally.abstain += 1 }
      }
      let reported = [(yes, tally.yes, m.inFavor), (no, tally.no, m.opposed), (abstain, tally.abstain, m.abstaining)]
      for (count, counted, word) in reported {
        if let count, count != counted {
          add("rollCall.tally", m.tallyMismatch(word, reported: count, counted: counted), pendingAt: rollCallEnd)
        }
      }
    }
    return findings
  }

  /// The addresses of the entries a role path names, `*` standing for every entry of a list.
  private func expand(_ path: String, in minutes: Minutes) -> [Address] {
    var prefixes: [Address] = [.root]
    for token in path.split(separator: ".").map(String.init) {
      if token == "*" {
        prefixes = prefixes.flatMap { prefix in minutes.entries(of: prefix).indices.map { prefix.appending(.index($0 + 1)) } }
      } else {
        prefixes = prefixes.map { $0.appending(key: token) }
      }
    }
    return prefixes.flatMap { list in minutes.entries(of: list).indices.map { list.appending(.index($0 + 1)) } }
  }

  // MARK: - Text rules

  /// The first mark in `text` whose partner is missing, if any. Looks at each scalar once, with a `switch`
  /// rather than a hash lookup: this runs on every text at every prompt.
  ///
  /// Scans the UTF-8 bytes where the text has them together (every native string): the marks are `(`, `)` and
  /// three-byte sequences led by E2, E3 or EF, so every other byte is passed over without decoding a scalar
  /// (decoding each was a sixth of opening a session of 5,000 items).
  static func unbalancedMark(in text: String) -> Character? {
    if let found = text.utf8.withContiguousStorageIfAvailable(unbalancedMark(inUTF8:)) { return found }
    return unbalancedMarkByScalar(in: text)
  }

  /// ``unbalancedMark(in:)`` over valid UTF-8.
  ///
  /// The lead byte is tested most usual first: a Han ideograph's (E4–E9, and EA–EE: three bytes, none a mark),
  /// then ASCII. One `switch` over the ranges had cost about 18 instructions a Han ideograph; testing eight bytes
  /// at once for a mark's first byte cost more, as a Chinese text has a mark or a comma every few characters.
  private static func unbalancedMark(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Character? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var marks = OpenMarks()
    var index = 0
    while index < count {
      let lead = base[index]
      if lead &- 0xE4 < 11 {
        index &+= 3  // E4–EE: three bytes that are not a mark (a Han ideograph)
      } else if lead < 0x80 {
        index &+= 1
        if lead == 0x28 || lead == 0x29, let wrong = marks.see(UInt32(lead)) { return wrong }
      } else if lead == 0xE2 || lead == 0xE3 || lead == 0xEF {
        guard index + 2 < count else { return marks.firstUnclosed }  // not valid UTF-8: nothing more to read
        let value = threeByteValue(at: index, in: base)
        index &+= 3
        if let wrong = marks.see(value) { return wrong }
      } else if lead >= 0xE0 && lead < 0xF0 {
        index &+= 3  // E0, E1
      } else if lead >= 0xC0 && lead < 0xE0 {
        index &+= 2
      } else if lead >= 0xF0 && lead < 0xF8 {
        index &+= 4
      } else {
        index &+= 1  // a continuation byte (never one of the bytes above)
      }
    }
    return marks.firstUnclosed
  }

  /// ``unbalancedMark(in:)`` scalar by scalar: for a text whose bytes are not together, and the reference the
  /// byte scan is tested against.
  static func unbalancedMarkByScalar(in text: String) -> Character? {
    var marks = OpenMarks()
    for scalar in text.unicodeScalars {
      if let wrong = marks.see(scalar.value) { return wrong }
    }
    return marks.firstUnclosed
  }

  /// The paired marks the balance rule follows, opening then closing, by scalar value: 《》 “” 「」 （） () 『』.
  private static let markPairs: [(open: UInt32, close: UInt32)] = [
    (0x300A, 0x300B), (0x201C, 0x201D), (0x300C, 0x300D), (0xFF08, 0xFF09), (0x28, 0x29), (0x300E, 0x300F),
  ]

  /// The marks opened and not yet closed, as a text is scanned.
  ///
  /// The pairs open are kept as their places in ``markPairs``, three bits each, in one word for the first 21
  /// levels and in an array past them: a text with a mark had allocated an array to scan it (75,000 at 5,000
  /// items, a twentieth of a check).
  private struct OpenMarks {
    /// Levels 1–21, the outermost in the lowest bits, each its pair's place in ``markPairs`` plus one.
    private var inner: UInt64 = 0
    /// Levels past 21, innermost last.
    private var deeper: [UInt8] = []
    /// How many pairs are open.
    private var depth = 0
    private static let inWord = 21

    /// Takes the scalar `value`: opens a pair, or closes the innermost; the closing mark that closes no open pair
    /// (or another than the innermost), if it is one.
    mutating func see(_ value: UInt32) -> Character? {
      // Most scalars seen are other punctuation of the same blocks (、。，): passed over without a search.
      switch value {
      case 0x28, 0x29, 0x201C, 0x201D, 0x300A...0x300F, 0xFF08, 0xFF09: break
      default: return nil
      }
      if let place = Validator.markPairs.firstIndex(where: { $0.open == value }) {
        push(UInt8(place))
      } else if Validator.markPairs.contains(where: { $0.close == value }) {
        guard let innermost, Validator.markPairs[Int(innermost)].close == value else {
          return Unicode.Scalar(value).map(Character.init)
        }
        pop()
      }
      return nil
    }

    /// The first mark opened and never closed.
    var firstUnclosed: Character? {
      guard depth > 0 else { return nil }
      return Unicode.Scalar(Validator.markPairs[Int(inner & 7) - 1].open).map(Character.init)
    }

    /// The place in ``markPairs`` of the innermost pair open.
    private var innermost: UInt8? {
      guard depth > 0 else { return nil }
      return depth > Self.inWord ? deeper.last : UInt8(truncatingIfNeeded: inner >> UInt64(3 * (depth - 1)) & 7) - 1
    }

    private mutating func push(_ place: UInt8) {
      if depth < Self.inWord { inner |= UInt64(place + 1) << UInt64(3 * depth) } else { deeper.append(place) }
      depth += 1
    }

    private mutating func pop() {
      depth -= 1
      if depth < Self.inWord { inner &= ~(7 << UInt64(3 * depth)) } else { deeper.removeLast() }
    }
  }

  /// What a scan of a text's scalars learns for ``unbalancedMark(in:)`` and ``hasHalfWidthMark(_:)`` when
  /// another scan reads them (``otherScript(in:cache:marks:)``): the same answers, once `isComplete` says every
  /// scalar was seen.
  struct MarkScan {
    private var open = OpenMarks()
    private var wrong: Character?
    /// Whether a half-width mark was seen.
    private(set) var hasHalfWidthMark = false
    /// Whether every scalar of the text was seen (and every half-width mark is ASCII): else the answers are not
    /// the text's, and the scans are made apart.
    var isComplete = false

    /// The mark ``unbalancedMark(in:)`` finds, once complete.
    var unbalanced: Character? { wrong ?? open.firstUnclosed }

    /// Takes the scalar of `value` (not ASCII, or a paired mark): the pairs it opens or closes.
    mutating func see(_ value: UInt32) {
      guard wrong == nil else { return }
      wrong = open.see(value)
    }

    /// Takes the ASCII `byte`, a half-width mark or not: `(` and `)` open and close a pair.
    @inline(__always)
    mutating func see(ascii byte: UInt8, isHalfWidthMark: Bool) {
      if isHalfWidthMark { hasHalfWidthMark = true }
      if byte == 0x28 || byte == 0x29 { see(UInt32(byte)) }
    }
  }

  /// The characters of `text` that belong to the other script of the template's language, joined, if any.
  /// Each character is looked up once per walk (`cache`), since ICU transforms are slow and drafts repeat
  /// their characters.
  ///
  /// Text whose every scalar is its own character and cannot join a neighbour (ASCII, Han ideographs, CJK and
  /// general punctuation, full-width forms: ``ScriptTable/isStandalone(_:)``) is scanned scalar by scalar with a
  /// table indexed by scalar value; any other text (a combining mark, a variation selector, Hangul jamo) is
  /// read character by character, as before. Both give the same characters in the same order.
  func otherScript(in text: String, cache: inout ScriptTable) -> String? {
    var marks = MarkScan()
    return otherScript(in: text, cache: &cache, marks: &marks)
  }

  /// ``otherScript(in:cache:)``, reading the marks of `text` for ``unbalancedMark(in:)`` and
  /// ``hasHalfWidthMark(_:)`` in the same pass where it scans the bytes (`marks.isComplete`); else `marks` is left
  /// incomplete and those scans are made apart. Three passes over every text had been a third of a check.
  func otherScript(in text: String, cache: inout ScriptTable, marks: inout MarkScan) -> String? {
    guard let transform else { return nil }
    let changes = cache.changes(by: transform)
    // One pass over the scalars: whether each is a character by itself, and the CJK ones the transform changes.
    var found: [Unicode.Scalar] = []
    var isStandalone = true
    // Over the UTF-8 bytes where the text has them together (a native string): decoding a scalar here costs a few
    // instructions, where the scalar view's iterator cost most of the scan. Else over the scalars.
    let scanned: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
      // The main block of Han ideographs (most of a Chinese draft) is looked up in the change table's bits in place,
      // and ASCII passed over: the block is standalone, CJK and all covered by the table (``take``'s first case).
      // Four-fifths of the scan went to reading the table through its arrays.
      guard let changes else {
        var index = 0
        while index < bytes.count {
          let (scalar, length) = Self.scalar(at: index, in: bytes)
          index += length
          guard Self.take(scalar, nil, transform, into: &found, cache: &cache) else { return false }
        }
        return true
      }
      // The usual cases are told from the lead byte before the scalar is decoded the general way, most usual first:
      // three bytes led by E4–E9, E3 or EF that hold a Han ideograph of the block (U+4E00–U+9FFF), a CJK mark
      // (U+3000–U+303F but the tone marks) or a full-width form of ASCII (U+FF01–U+FF5E): each standalone, CJK and
      // covered by the table, like the block; and printable ASCII. Decoding every scalar first had cost about 48
      // instructions a scalar.
      guard let base = bytes.baseAddress else { return true }
      let count = bytes.count
      // The half-width marks as bits, read into locals before the scan (see ``hasHalfWidthMark(inUTF8:)``).
      let masks = Self.asciiHalfWidthMasks
      return changes.withChangedBits { changed in
        var index = 0
        while index < count {
          let lead = base[index]
          if lead &- 0xE4 < 6, index &+ 2 < count {
            let value = Self.threeByteValue(at: index, in: base)
            if value >= 0x4E00 {  // the block
              index &+= 3
              Self.noteIfChanged(value, changed, in: &found)
              continue
            }
          } else if lead &- 0x20 < 0x5F {
            index &+= 1  // printable ASCII
            marks.see(ascii: lead, isHalfWidthMark: Self.isASCIIHalfWidthMark(lead, masks))
            continue
          } else if lead == 0xE3 || lead == 0xEF, index &+ 2 < count {
            let value = Self.threeByteValue(at: index, in: base)
            if value &- 0x3000 < 0x2A || value &- 0x3030 < 0x10 || value &- 0xFF01 < 0x5E {  // a CJK mark, a full-width form
              index &+= 3
              marks.see(value)
              Self.noteIfChanged(value, changed, in: &found)
              continue
            }
          }
          let (scalar, length) = Self.scalar(at: index, in: bytes)
          index += length
          if scalar.value < 128 {
            marks.see(ascii: UInt8(scalar.value), isHalfWidthMark: Self.isASCIIHalfWidthMark(UInt8(scalar.value), masks))
          } else {
            marks.see(scalar.value)
          }
          guard Self.take(scalar, changes, transform, into: &found, cache: &cache) else { return false }
        }
        marks.isComplete = Self.largestHalfWidthMark < 128
        return true
      }
    }
    if let scanned {
      isStandalone = scanned
    } else {
      for scalar in text.unicodeScalars where !Self.take(scalar, changes, transform, into: &found, cache: &cache) {
        isStandalone = false
        break
      }
    }
    guard isStandalone else {
      let shared = ScriptVariants.shared(in: template.language)
      return Self.otherScriptByCharacter(in: text, transform: transform, shared: shared, cache: &cache.characters)
    }
    guard !found.isEmpty else { return nil }
    let targets = found.filter { cache.isShared($0, language: template.language) }
    if !targets.isEmpty {
      let kept = Self.keptInContext(text, transform: transform, of: targets, windows: &cache.windows)
      found.removeAll(where: kept.contains)
    }
    guard !found.isEmpty else { return nil }
    var joined = ""
    for scalar in found { joined.unicodeScalars.append(scalar) }
    return joined
  }

  /// Adds `scalar` to `found` when it is a CJK character `transform` changes (by `changes` where it covers the
  /// scalar, else by ICU through `cache`) and not found before; `false` when it is not a character by itself
  /// (``ScriptTable/isStandalone(_:)``), which ends the scalar scan.
  @inline(__always)
  private static func take(
    _ scalar: Unicode.Scalar, _ changes: ChangeTable?, _ transform: StringTransform, into found: inout [Unicode.Scalar],
    cache: inout ScriptTable
  ) -> Bool {
    // Most scalars of a Chinese draft are Han ideographs of the main block (standalone and CJK) or ASCII
    // (standalone, not CJK): told apart before the full tables of ranges.
    switch scalar.value {
    case 0x4E00...0x9FFF: break
    case 0x20...0x7E: return true
    default:
      guard ScriptTable.isStandalone(scalar) else { return false }
      guard scalar.value >= 0x2E80, ScriptTable.isCJK(scalar) else { return true }
    }
    if !found.contains(scalar),
      changes?.changes(scalar) ?? cache.isOther(scalar, transform: transform)
    {
      found.append(scalar)
    }
    return true
  }

  /// Adds the scalar of value `value` (a CJK scalar the change table covers) to `found` when the table's bits
  /// `changed` say the transform changes it and it is not there yet.
  @inline(__always)
  private static func noteIfChanged(_ value: UInt32, _ changed: UnsafeBufferPointer<UInt64>, in found: inout [Unicode.Scalar]) {
    guard changed[Int(value) >> 6] & (1 << UInt64(value & 63)) != 0, let scalar = Unicode.Scalar(value), !found.contains(scalar)
    else { return }
    found.append(scalar)
  }

  /// The value of the scalar of three UTF-8 bytes (lead byte E0–EF) that starts at `index` of `base`, whose two
  /// bytes after it the caller knows are there.
  @inline(__always)
  private static func threeByteValue(at index: Int, in base: UnsafePointer<UInt8>) -> UInt32 {
    UInt32(base[index] & 0x0F) << 12 | UInt32(base[index &+ 1] & 0x3F) << 6 | UInt32(base[index &+ 2] & 0x3F)
  }

  /// The scalar whose UTF-8 encoding starts at `index` of `bytes` (valid UTF-8: a `String`'s own), and its
  /// length in bytes.
  @inline(__always)
  private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[index])
    let value: UInt32, length: Int
    switch lead {
    case ..<0x80: (value, length) = (lead, 1)
    case ..<0xE0: (value, length) = ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    case ..<0xF0:
      (value, length) = ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
    default:
      value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
        | UInt32(bytes[index + 3] & 0x3F)
      length = 4
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The characters of `text` that `transform` changes, among those ``Normalizer/isCJK(_:)`` counts, each once,
  /// joined; `nil` for none. Character by character (Swift's grapheme clusters): the reference the scalar scan
  /// of ``otherScript(in:cache:)`` must agree with.
  static func otherScriptByCharacter(
    in text: String, transform: StringTransform, shared: Set<Character>, cache: inout [Character: Bool]
  ) -> String? {
    var found: [Character] = []
    let changes = ScriptVariants.changes(by: transform)
    for character in text where Normalizer.isCJK(character) && !found.contains(character) {
      let isOther: Bool
      if let known = cache[character] {
        isOther = known
      } else if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
        let changed = changes?.changes(scalar)
      {
        isOther = changed
      } else {
        let converted = String(character).applyingTransform(transform, reverse: false)
        isOther = converted != nil && converted != String(character)
        cache[character] = isOther
      }
      if isOther { found.append(character) }
    }
    // Characters of both scripts are one scalar each.
    let targets = found.filter(shared.contains).compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
    if !targets.isEmpty {
      var windows: [Window: Bool] = [:]
      let kept = keptInContext(text, transform: transform, of: targets, windows: &windows)
      found.removeAll { $0.unicodeScalars.count == 1 && $0.unicodeScalars.first.map(kept.contains) == true }
    }
    return found.isEmpty ? nil : String(found)
  }

  /// The scalars of `targets` (characters of both scripts found in `text`: 后 干 舍) that ICU's `transform`
  /// leaves as they are wherever they stand in `text`, each read in a window of three scalars on either side: its
  /// word rules keep 若干, 宿舍 and 皇后, where the character alone would change (干 → 乾). One changed in one
  /// place (干部 → 幹部) is not kept, nor one whose window the transform makes longer or shorter. A window already
  /// read is looked up in `windows` (a draft repeats its phrases), not transformed again.
  /// - Complexity: one pass over the scalars of `text`, and one transform of a short window per place not looked
  ///   up before.
  static func keptInContext(
    _ text: String, transform: StringTransform, of targets: [Unicode.Scalar], windows: inout [Window: Bool]
  ) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    // One by one: appending the view whole counts its scalars first, a second pass.
    for scalar in text.unicodeScalars { scalars.append(scalar) }
    // A text holds a few characters of both scripts at most: arrays, not sets.
    var kept: [Unicode.Scalar] = [], changed: [Unicode.Scalar] = []
    for (index, scalar) in scalars.enumerated() where targets.contains(scalar) && !changed.contains(scalar) {
      let (start, end) = (max(0, index - 3), min(scalars.count, index + 4))
      let key = Window(scalars[start..<end], offset: index - start)
      let keeps: Bool
      if let known = windows[key] {
        keeps = known
      } else {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        let converted = String(view).applyingTransform(transform, reverse: false).map { Array($0.unicodeScalars) }
        keeps = converted?.count == end - start && converted?[index - start] == scalar
        windows[key] = keeps
      }
      if keeps {
        if !kept.contains(scalar) { kept.append(scalar) }
      } else {
        changed.append(scalar)
      }
    }
    return kept.filter { !changed.contains($0) }
  }

  /// A window of at most seven scalars around a character of both scripts, and the character's offset in it, as
  /// one value that hashes without building a string (see ``keptInContext(_:transform:of:windows:)``).
  struct Window: Hashable {
    /// The offset and the window's length in the first lane, the scalars' values in the others.
    private var lanes = SIMD8<UInt32>(repeating: 0)

    init(_ scalars: ArraySlice<Unicode.Scalar>, offset: Int) {
      lanes[0] = UInt32(offset) | UInt32(scalars.count) << 8
      for (lane, scalar) in zip(1..., scalars) { lanes[lane] = scalar.value }
    }
  }

  /// `a + b`, or the largest (smallest) number there is when the sum would pass it: counts come from files.
  static func sum(_ a: Int, _ b: Int) -> Int {
    let (result, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int.max : Int.min) : result
  }
}
