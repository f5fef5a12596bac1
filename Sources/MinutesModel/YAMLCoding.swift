import Foundation
package import Yams

/// Where a YAML problem is and what it is, for `file:line:col: error: …` messages.
public struct YAMLProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file, as given to the decoder.
  public var file: String
  /// The 1-based line, or 0 when unknown.
  public var line: Int
  /// The 1-based column, or 0 when unknown.
  public var column: Int
  /// What is wrong, in English, naming the key where there is one (``missing key `meeting.date` ``).
  public var message: String
  /// The same in Traditional Chinese, with the values kept apart (see ``Messages/Wording``); `nil` where only
  /// English wording exists (a message of the YAML parser, which is then quoted).
  public var chinese: Messages.Wording?

  /// A problem in `file` at `line` and `column` (1-based; 0 when unknown): `message` in English and, where the
  /// problem is one of ours, `chinese`.
  public init(file: String, line: Int, column: Int, message: String, chinese: Messages.Wording? = nil) {
    (self.file, self.line, self.column, self.message, self.chinese) = (file, line, column, message, chinese)
  }

  /// What is wrong, in the language of `m`.
  public func message(_ m: Messages) -> String {
    guard let chinese else { return message }
    return m(chinese, message)
  }

  /// `file:line:col` (or `file` alone when the place is unknown).
  public var place: String { line > 0 ? "\(file):\(line):\(column)" : file }

  public static func == (a: Self, b: Self) -> Bool {
    (a.file, a.line, a.column, a.message) == (b.file, b.line, b.column, b.message)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(file)
    hasher.combine(line)
    hasher.combine(column)
    hasher.combine(message)
  }

  /// `file:line:col: message`.
  public var description: String {
    line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
  }
}

/// Reading and writing the project's YAML files: unescaped UTF-8, stable key order, located errors.
package enum YAMLCoding {
  /// Encodes `value` as YAML with non-ASCII text written as is (never `\uXXXX`).
  /// - Throws: `EncodingError` from Yams (not expected for the project's own types).
  package static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = YAMLEncoder()
    encoder.options = .init(indent: 2, width: -1, allowUnicode: true, sortKeys: false)
    return try encoder.encode(value)
  }

  /// The text of a file that must be UTF-8 (a minutes file, a template).
  /// - Throws: ``YAMLProblem`` at the line and column of the first byte that is not UTF-8, naming the byte and
  ///   its offset in the file (`byte 0xFF (byte 1234 of the file) is not UTF-8`), so that it can be found and
  ///   fixed; nothing is guessed or replaced.
  package static func text(_ data: Data, file: String) throws -> String {
    if let text = String(validating: data, as: UTF8.self) { return text }
    var parser = Unicode.UTF8.ForwardParser()
    var bytes = data.makeIterator()
    var (offset, line, column) = (0, 1, 1)
    while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid(let encoded):
        offset += encoded.count
        if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
          (line, column) = (line + 1, 1)
        } else {
          column += 1
        }
      case .error:
        let byte = String(format: "0x%02X", data[data.startIndex + offset])
        throw YAMLProblem(
          file: file, line: line, column: column,
          message: "the file is not UTF-8 text: byte \(byte) (byte \(offset + 1) of the file) is not UTF-8; save the file as UTF-8",
          chinese: "檔案不是 UTF-8 文字：位元組 \(byte)（檔案的第 \(offset + 1) 個位元組）不是 UTF-8；請以 UTF-8 另存檔案")
      case .emptyInput:
        return String(decoding: data, as: UTF8.self)
      }
    }
  }

  /// Decodes `T` from `yaml`; `file` names the source in errors.
  /// - Throws: ``YAMLProblem`` with the line and column of the syntax error or of the offending key.
  package static func decode<T: Decodable>(_ type: T.Type, from yaml: String, file: String) throws -> T {
    try decode(type, from: composed(yaml, file: file), file: file)
  }

  /// The tree of `yaml`, its shape checked (``checkShape(_:file:maximumNodes:)``).
  /// - Throws: ``YAMLProblem`` at the syntax error, for an empty file, or as ``checkShape(_:file:maximumNodes:)``.
  static func composed(_ yaml: String, file: String) throws -> Node {
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw problem(from: error, file: file)
    }
    guard let node else {
      throw YAMLProblem(file: file, line: 1, column: 1, message: "the file is empty", chinese: "檔案是空的")
    }
    try checkShape(node, file: file)
    return node
  }

  /// The most values a minutes or template file may hold once its YAML aliases are expanded: far more than any
  /// meeting (a 1,000-item draft holds about 50,000), far fewer than a file built to expand without end.
  package static let maximumNodes = 2_000_000

  /// Refuses what the project's files never hold: a mapping key that is not plain text (`? [a]`), which would
  /// otherwise be dropped unseen, and more than ``maximumNodes`` values once aliases are expanded.
  /// - Throws: ``YAMLProblem`` at the offending key, or at the top.
  package static func checkShape(_ root: Node, file: String, maximumNodes: Int = maximumNodes) throws {
    var count = 0
    var stack = [root]
    while let node = stack.popLast() {
      count += 1
      guard count <= maximumNodes else {
        throw YAMLProblem(file: file, line: 1, column: 1,
                          message: "the file holds more than \(maximumNodes) values once its YAML aliases (*name) are expanded; write it out without them",
                          chinese: "檔案的 YAML 別名（*名稱）展開後超過 \(maximumNodes) 個值；請不用別名，直接寫出")
      }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          guard case .scalar = key else {
            let mark = key.mark
            throw YAMLProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                              message: "a key must be plain text, not a list or mapping",
                              chinese: "鍵必須是純文字，不能是列表或映射")
          }
          stack.append(value)
        }
      case .sequence(let sequence): stack.append(contentsOf: sequence)
      default: break
      }
    }
  }

  /// Decodes `T` from a composed node; `file` names the source in errors.
  /// - Throws: ``YAMLProblem`` with the line and column of the offending key.
  package static func decode<T: Decodable>(_ type: T.Type, from node: Node, file: String) throws -> T {
    do {
      return try YAMLDecoder().decode(T.self, from: node)
    } catch let error as DecodingError {
      throw problem(from: error, root: node, file: file)
    } catch let error as YamlError {
      throw problem(from: error, file: file)
    }
  }

  package static func problem(from error: YamlError, file: String) -> YAMLProblem {
    switch error {
    case .scanner(let context, let message, let mark, _), .parser(let context, let message, let mark, _),
      .composer(let context, let message, let mark, _):
      let text = [context?.text, message].compactMap { $0 }.joined(separator: " ")
      return YAMLProblem(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(text)",
                         chinese: "YAML 語法錯誤：`\(text)`")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return YAMLProblem(
        file: file, line: context.mark.line, column: context.mark.column,
        message: "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", "))",
        chinese: "鍵重複：\(duplicates.map { "`\($0)`" }.joined(separator: "、"))")
    case .reader(let problem, let offset, _, let yaml):
      // A character the YAML reader refuses (a control character, bytes that are not UTF-8): where it is, in
      // words, without echoing the character itself.
      let prefix = String(decoding: Array(yaml.utf8).prefix(max(0, offset ?? 0)), as: UTF8.self)
      let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
      let clean = String(problem.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) })
      return YAMLProblem(file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1,
                         message: "the YAML reader refuses the file here: \(clean)",
                         chinese: "YAML 讀取器在此拒絕了檔案（`\(clean)`），多半是控制字元或非 UTF-8 的位元組")
    default:
      let text = String("\(error)".unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) || $0 == "\n" })
      return YAMLProblem(file: file, line: 0, column: 0, message: text.split(separator: "\n").first.map(String.init) ?? text)
    }
  }

  private static func problem(from error: DecodingError, root: Node, file: String) -> YAMLProblem {
    let (path, message): ([any CodingKey], String)
    let chinese: Messages.Wording?
    switch error {
    case .keyNotFound(let key, let context):
      path = context.codingPath
      message = "missing key `\(dotted(context.codingPath + [key]))`"
      chinese = "缺少鍵 `\(dotted(context.codingPath + [key]))`"
    case .typeMismatch(let type, let context):
      path = context.codingPath
      message = "at `\(dotted(path))`: expected \(describe(type))"
      chinese = "`\(dotted(path))` 應為\(describeInChinese(type))"
    case .valueNotFound(let type, let context):
      path = context.codingPath
      message = "at `\(dotted(path))`: expected \(describe(type)), found nothing"
      chinese = "`\(dotted(path))` 應為\(describeInChinese(type))，卻沒有值"
    case .dataCorrupted(let context):
      path = context.codingPath
      message = "at `\(dotted(path))`: \(context.debugDescription)"
      chinese = "`\(dotted(path))`：`\(context.debugDescription)`"
    @unknown default:
      path = []
      message = "\(error)"
      chinese = nil
    }
    let mark = locate(path, in: root)
    return YAMLProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message, chinese: chinese)
  }

  /// The line and column of the part at a stored address (`items.2.kind`) in a minutes file's text: of its key
  /// when the address ends with one; `nil` when the text is not YAML or has no such part.
  package static func mark(of address: Address, in yaml: String) -> (line: Int, column: Int)? {
    guard let root = try? Yams.compose(yaml: yaml) else { return nil }
    var node = root
    var mark = root.mark
    for (offset, step) in address.steps.enumerated() {
      switch step {
      case .key(let key):
        guard let pair = node.mapping?.first(where: { $0.key.string == key }) else { return mark.map { ($0.line, $0.column) } }
        if offset == address.steps.count - 1 { mark = pair.key.mark } else { node = pair.value; mark = node.mark ?? mark }
      case .index(let n):
        guard let sequence = node.sequence, n <= sequence.count else { return mark.map { ($0.line, $0.column) } }
        node = sequence[n - 1]
        mark = node.mark ?? mark
      case .end:
        break
      }
    }
    return mark.map { ($0.line, $0.column) }
  }

  /// The mark of the deepest node of `path` that exists in `root`.
  private static func locate(_ path: [any CodingKey], in root: Node) -> Mark? {
    var node = root
    var mark = root.mark
    for (offset, key) in path.enumerated() {
      let next: Node?
      if let index = key.intValue {
        next = node.sequence.flatMap { index < $0.count ? $0[index] : nil }
      } else {
        let pair = node.mapping?.first(where: { $0.key.string == key.stringValue })
        // The last step of the path is a key: point at the key itself, which the message names.
        if offset == path.count - 1, let keyMark = pair?.key.mark { return keyMark }
        next = pair?.value
      }
      guard let next else { break }
      node = next
      mark = next.mark ?? mark
    }
    return mark
  }

  private static func dotted(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      .trimmingCharacters(in: CharacterSet(charactersIn: "."))
      .replacingOccurrences(of: ".[", with: "[")
  }

  /// As ``describe(_:)``, in Traditional Chinese.
  private static func describeInChinese(_ type: Any.Type) -> String {
    switch describe(type) {
    case "text": "文字"
    case "a whole number": "整數"
    case "a whole number, 1 or more": "大於 0 的整數"
    case "true or false": "`true` 或 `false`"
    case "a list": "列表"
    default: "映射"
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    let name = String(describing: type)
    // Yams reports a list it expected as `Node.Sequence` and text as `Node.Scalar`.
    if type == String.self || name.contains("Scalar") {
      return "text"
    }
    if type == Int.self { return "a whole number" }
    if type == UInt.self { return "a whole number, 1 or more" }
    if type == Bool.self { return "true or false" }
    if name.hasPrefix("Array") || name.hasPrefix("[") || name.contains("Unkeyed") || name.contains("Sequence") {
      return "a list"
    }
    return "a mapping"
  }
}
