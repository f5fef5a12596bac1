import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// What a session file holds: the draft, and where the interview stands so that it resumes there.
///
/// On disk it is the minutes file format (see ``Minutes``) with one more key, `resumeAt`: the address of the
/// question being asked (e.g. `2.1.+`), or `finished` once the interview is over; without it, the interview
/// starts at the first unanswered question. Last comes `generation`, which ties the file to its journal, and on
/// the same line, as a YAML comment, the ``Checksum`` of every byte before the comment
/// (`generation: 7 # checksum 0c1f…`): a file changed since minutes wrote it, by hand or by damage, is told from
/// one that was not (see ``seal(of:)``). Keys are written in a fixed order and text is unescaped UTF-8, so the
/// same draft always gives the same bytes.
public struct SessionFile: Codable, Hashable, Sendable {
  /// The draft.
  public var minutes: Minutes
  /// Where the interview resumes.
  public var resumeAt: ResumePoint
  /// The generation of this snapshot: the session's journal applies to it only when its header has the same
  /// number (see ``SessionStore``).
  public var generation: Int

  /// Where an interview resumes (see ``Interview/resumePoint(for:in:)``).
  public typealias ResumePoint = MinutesInterview.ResumePoint

  /// Creates a session file value.
  public init(minutes: Minutes, resumeAt: ResumePoint = .firstQuestion, generation: Int = 0) {
    self.minutes = minutes
    self.resumeAt = resumeAt
    self.generation = generation
  }

  private enum CodingKeys: String, CodingKey { case resumeAt, generation }

  public init(from decoder: any Decoder) throws {
    minutes = try Minutes(from: decoder)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    switch try c.decodeIfPresent(String.self, forKey: .resumeAt) {
    case "finished": resumeAt = .finished
    case let text?: resumeAt = Address(stored: text).map(ResumePoint.at) ?? .firstQuestion
    case nil: resumeAt = .firstQuestion
    }
    generation = try c.decodeIfPresent(Int.self, forKey: .generation) ?? 0
  }

  /// The file read straight from a plain YAML tree, as ``init(from:)`` reads it.
  init(plain: PlainMinutesFile) {
    minutes = plain.minutes
    switch plain.resumeAt {
    case "finished": resumeAt = .finished
    case let text?: resumeAt = Address(stored: text).map(ResumePoint.at) ?? .firstQuestion
    case nil: resumeAt = .firstQuestion
    }
    generation = plain.generation ?? 0
  }

  public func encode(to encoder: any Encoder) throws {
    try minutes.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch resumeAt {
    case .firstQuestion: break
    case .at(let address): try c.encode(address.description, forKey: .resumeAt)
    case .finished: try c.encode("finished", forKey: .resumeAt)
    }
    try c.encode(generation, forKey: .generation)
  }

  /// The same file with every text normalized (see ``Normalizer``): what `minutes fmt` writes.
  public func canonical() -> SessionFile {
    var copy = self
    copy.minutes = minutes.normalized()
    return copy
  }

  /// The file's text, its last line sealed with its checksum.
  ///
  /// Written by ``YAMLWriter``, which knows this schema: the same bytes as Yams' encoder writes for this value
  /// (``yamlThroughYams()``), several times faster. A key the writer does not write (a complex key) falls back on
  /// Yams.
  /// - Throws: `EncodingError` (not expected for these types).
  public func yaml() throws -> String {
    let text = try YAMLWriter.document(pairs) ?? YAMLCoding.encode(self)
    return Self.sealed(text)
  }

  /// The file's text through Yams' `Codable` encoder, as ``yaml()`` wrote it before ``YAMLWriter``: what the
  /// writer is checked against.
  /// - Throws: `EncodingError` (not expected for these types).
  package func yamlThroughYams() throws -> String {
    Self.sealed(try YAMLCoding.encode(self))
  }

  /// The file's keys and values in writing order, as ``encode(to:)`` gives them.
  private var pairs: [(key: String, value: Value)] {
    var pairs: [(key: String, value: Value)] = [("format", .number(minutes.format)), ("template", .text(minutes.template))]
    pairs.reserveCapacity(minutes.content.fields.count + 4)
    for (key, value) in minutes.content.fields { pairs.append((key, value)) }
    switch resumeAt {
    case .firstQuestion: break
    case .at(let address): pairs.append(("resumeAt", .text(address.description)))
    case .finished: pairs.append(("resumeAt", .text("finished")))
    }
    pairs.append(("generation", .number(generation)))
    return pairs
  }

  /// `text` with its last line sealed with the checksum of what precedes the seal.
  ///
  /// Works on the text's UTF-8 alone: `Substring + String` appended a snapshot of 2.5 MB character by character
  /// (grapheme breaking), a quarter of the time of an answer's compaction at 1,000 items.
  private static func sealed(_ text: String) -> String {
    var sealed = text.utf8.last == UInt8(ascii: "\n") ? String(Substring(text.utf8.dropLast())) : text
    let checksum = Checksum.hex(sealed.utf8)
    sealed.reserveCapacity(sealed.utf8.count + sealMark.utf8.count + 17)
    sealed += sealMark
    sealed += checksum
    sealed += "\n"
    return sealed
  }

  /// What precedes the checksum on the last line.
  static let sealMark = " # checksum "

  /// What a file's checksum says of its text.
  public enum Seal: Hashable, Sendable {
    /// The checksum matches: the text is what minutes wrote.
    case intact
    /// The last line has no comment after its generation: a file written by hand, or by a minutes from before
    /// checksums.
    case absent
    /// The last line has a comment that is not the checksum of the text before it: the file was changed
    /// (or damaged) since minutes wrote it.
    case broken
  }

  /// The seal of a session file's `text` (see ``SessionFile``).
  public static func seal(of text: String) -> Seal {
    let utf8 = text.utf8
    var end = utf8.endIndex
    if end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "\n") { end = utf8.index(before: end) }
    let start = utf8[..<end].lastIndex(of: UInt8(ascii: "\n")).map(utf8.index(after:)) ?? utf8.startIndex
    let line = Substring(utf8[start..<end])
    guard line.hasPrefix("generation: ") else { return .absent }
    let rest = line.drop { $0 != " " }.dropFirst().drop { $0 != " " }
    if rest.isEmpty { return .absent }
    guard rest.hasPrefix(sealMark), case let body = Substring(utf8[..<utf8.index(start, offsetBy: line.utf8.count - rest.utf8.count)]),
      Checksum.verify(body.utf8, hex: rest.dropFirst(sealMark.count))
    else { return .broken }
    return .intact
  }

  /// Reads a session file's text; `file` names it in errors.
  /// - Throws: ``SessionError/unreadable(_:)`` with the line and column, ``SessionError/unsupportedFormat(file:found:supported:)``,
  ///   or ``SessionError/conflicted(file:conflicts:)`` for a file with git's conflict markers.
  public static func parse(_ yaml: String, file: String) throws -> SessionFile {
    try MergeConflict.refuse(in: yaml, file: file)
    do {
      let value = try YAMLCoding.decodeMinutesFile(SessionFile.self, from: yaml, file: file, plainly: SessionFile.init(plain:))
      guard value.minutes.format <= Minutes.currentFormat else {
        throw SessionError.unsupportedFormat(file: file, found: value.minutes.format, supported: Minutes.currentFormat)
      }
      return value
    } catch let problem as YAMLProblem {
      throw SessionError.unreadable(problem)
    }
  }
}
