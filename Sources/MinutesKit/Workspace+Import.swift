import Foundation

extension Workspace {
  /// Whether `target` names a published minutes text (`.txt`, `.md`) rather than a session or a session file:
  /// what `minutes new --from` reads with ``openPublished(_:)``.
  public static func isPublishedText(_ target: String) -> Bool {
    let lowered = target.lowercased()
    return lowered.hasSuffix(".txt") || lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
  }

  /// The published minutes text at `path` read as a draft (`minutes import` without a session): its page chrome
  /// removed, read with the workspace's template that reads it best; `nil` when the file is not UTF-8 text or no
  /// template reads a line of it. For `minutes new --from FILE`, which carries over what the previous meeting's
  /// template declares (the body, the chair, the attendance, the house style).
  /// - Throws: the error of reading the file.
  public func openPublished(_ path: String) throws -> Draft? {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let text = String(data: data, encoding: .utf8) else { return nil }
    let candidates = templates.entries().compactMap { try? templates.template(id: $0.id) }
    guard let reading = Importer.readPublished(text, { Importer.best($0, among: candidates, pageWidth: $1) }).reading, reading.linesRead > 0
    else { return nil }
    return Draft(file: SessionFile(minutes: reading.minutes), template: reading.template, path: path, name: nil, session: nil)
  }
}
