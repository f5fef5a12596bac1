import Foundation
import MinutesModel
import MinutesInterview

extension SessionStore {
  /// Loads the session `name`: its snapshot with the journal applied.
  /// - Throws: ``SessionError``.
  public func load(name: String) throws -> SessionFile {
    try loadState(name: name).file
  }

  /// Loads the session `name` with its undo history.
  ///
  /// A journal whose last line is torn (a crash while appending an edit whose prompt never came back) is read
  /// up to that line. A journal that does not fit the snapshot is not applied, and ``LoadedSession/problem``
  /// says so; it is kept beside the session as `NAME.journal.damaged-…` when the session is next compacted.
  /// - Throws: ``SessionError``.
  public func loadState(name: String) throws -> LoadedSession {
    let snapshot = try loadSnapshot(name: name)
    var loaded = LoadedSession(file: snapshot, undoStack: [], redoStack: [], problem: nil)
    guard let (url, text) = [journal(for: name), nextJournal(for: name)].lazy.compactMap({ url -> (URL, String)? in
      guard let text = try? String(contentsOf: url, encoding: .utf8),
        case .header(let generation)? = Journal.parse(String(text.prefix { $0 != "\n" })).records.first,
        generation == snapshot.generation
      else { return nil }
      return (url, text)
    }).first else {
      if FileManager.default.fileExists(atPath: journal(for: name).path) {
        loaded.problem = .foreign(journal: journal(for: name).path)
      }
      return loaded
    }
    let (records, badLine) = Journal.parse(text)
    let lineCount = text.split(separator: "\n").count
    if let badLine, badLine < lineCount {
      loaded.problem = .damagedLine(journal: url.path, line: badLine)
    }
    var state = DraftState(minutes: snapshot.minutes, cursor: snapshot.resumeAt.address)
    var resumeAt = snapshot.resumeAt
    for (number, record) in records.enumerated() {
      do {
        try state.replay(record)
      } catch {
        // The edits from here on were made to a draft that has since been changed by hand: never thrown away.
        let kept = try? keepAside(url, as: "unapplied")
        loaded.problem = .unapplied(journal: url.path, line: number + 1, keptAs: kept?.path)
        break
      }
      switch record {
      case .perform, .undo, .redo, .cursor: resumeAt = state.cursor.map(SessionFile.ResumePoint.at) ?? .finished
      case .header, .history: break
      }
    }
    loaded.file = SessionFile(minutes: state.minutes, resumeAt: resumeAt, generation: snapshot.generation)
    (loaded.undoStack, loaded.redoStack) = (state.undoStack, state.redoStack)
    return loaded
  }

  /// Reads the snapshot of the session `name` alone (from its cache when the cache is current).
  func loadSnapshot(name: String) throws -> SessionFile {
    try validate(existing: name)
    let url = file(for: name)
    if let stamp = SnapshotCache.stamp(of: url), let data = FileManager.default.contents(atPath: cache(for: name).path),
      SnapshotCache.header(of: data)?.matches(stamp, generation: Self.generation(of: url)) == true,
      let cached = SnapshotCache(data: data)
    {
      return cached.file
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SessionError.notFound(name: name, available: names())
    }
    let text: String
    do { text = try YAMLCoding.text(data, file: url.path) } catch let problem as YAMLProblem { throw SessionError.unreadable(problem) }
    // Every snapshot minutes writes ends with its generation line; one that minutes wrote (it has a journal or a
    // cache) and lacks it was cut short, even if what is left happens to parse.
    let wroteIt = [journal(for: name), cache(for: name)].contains { FileManager.default.fileExists(atPath: $0.path) }
    if wroteIt && Self.generation(of: url) == 0 {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let last = lines.last(where: { !$0.isEmpty }) ?? ""
      throw SessionError.unreadable(YAMLProblem(
        file: url.path, line: max(1, lines.count - (text.hasSuffix("\n") ? 1 : 0)), column: last.count + 1,
        message: "the file ends early: its last line should be `generation: N` (was it truncated or cut by hand?)",
        chinese: "檔案提前結束：最後一行應是 `generation: N`（是被截斷了，還是被手動刪改了？）"))
    }
    return try SessionFile.parse(text, file: url.path)
  }

  /// The template id named at the top of the minutes file at `url` (its `template:` line, which minutes writes
  /// second), read from the first 4 KiB alone so that it costs the same for any size of draft; `nil` when the
  /// file cannot be read or names none there.
  package static func templateID(ofFileAt url: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
    guard let line = head.split(separator: "\n").first(where: { $0.hasPrefix("template:") }) else { return nil }
    let id = line.dropFirst("template:".count).trimmingCharacters(in: CharacterSet(charactersIn: " '\"\r"))
    return id.isEmpty ? nil : id
  }

  /// The generation written on the last line of the snapshot at `url` (0 when there is none), read from the
  /// file's end so that it costs the same for any size of draft.
  package static func generation(of url: URL) -> Int {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
    defer { try? handle.close() }
    let end = (try? handle.seekToEnd()) ?? 0
    try? handle.seek(toOffset: end > 64 ? end - 64 : 0)
    let tail = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    guard let line = tail.split(separator: "\n").last, line.hasPrefix("generation: ") else { return 0 }
    return Int(line.dropFirst("generation: ".count)) ?? 0
  }
}
