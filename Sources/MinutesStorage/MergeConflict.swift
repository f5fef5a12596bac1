import Foundation

/// A conflict that git left in a file it could not merge: the lines between `<<<<<<< LABEL` and `=======` are one
/// side ("ours" when merging, the upstream side when rebasing), those between `=======` and `>>>>>>> LABEL` the
/// other, and with `merge.conflictStyle=diff3` the lines after `||||||| LABEL` the common ancestor (git-merge(1),
/// "How conflicts are presented").
///
/// A session file holding one is not read at all: reading either side alone, or the markers as text, would lose
/// the other side's answers, and writing the draft back would make the loss permanent.
public struct MergeConflict: Hashable, Sendable {
  /// One side of the conflict: its label as git wrote it after the marker (a branch or a commit), and its lines.
  public struct Side: Hashable, Sendable {
    /// The label after the marker (`HEAD`, `origin/main`, `abc123 (clerk B's edits)`); empty when there is none.
    public var label: String
    /// The 1-based line numbers of the side's text in the file (without the marker lines); empty when the side
    /// has no lines.
    public var lines: ClosedRange<Int>?
    /// The side's text, one string per line.
    public var text: [String]
  }

  /// The 1-based line of the `<<<<<<<` marker.
  public var line: Int
  /// The side before `=======`.
  public var first: Side
  /// The side after `=======`.
  public var second: Side

  /// The conflicts in `text`, in order; empty when it has none. A marker line is seven `<`, `=`, `|` or `>`
  /// characters at the start of a line, followed by a space and a label or by nothing; a `<<<<<<<` whose
  /// conflict never closes still counts (through the end of the text), so that a half-resolved file is caught.
  public static func find(in text: String) -> [MergeConflict] {
    // Cheap refusal first: most files have no marker at all. Searched as bytes (``StringProtocol/includes(_:)``):
    // Foundation's `contains` folded every character of the file, two-thirds of reading a session's YAML.
    guard text.includes("<<<<<<<") else { return [] }
    var conflicts: [MergeConflict] = []
    var open: (line: Int, first: Side, second: Side?, inBase: Bool)?
    // "\r\n" is one Character: a line ends at either.
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
      let number = index + 1
      if let label = marker("<", in: line), open == nil {
        open = (number, Side(label: label, lines: nil, text: []), nil, false)
      } else if var current = open {
        if marker("|", in: line) != nil, current.second == nil {
          current.inBase = true
        } else if line == "=======", current.second == nil {
          current.second = Side(label: "", lines: nil, text: [])
          current.inBase = false
        } else if let label = marker(">", in: line), var second = current.second {
          second.label = label
          conflicts.append(MergeConflict(line: current.line, first: current.first, second: second))
          open = nil
          continue
        } else if var second = current.second {
          second.add(String(line), at: number)
          current.second = second
        } else if !current.inBase {
          current.first.add(String(line), at: number)
        }
        open = current
      }
    }
    if let open {
      conflicts.append(MergeConflict(line: open.line, first: open.first, second: open.second ?? Side(label: "", lines: nil, text: [])))
    }
    return conflicts
  }

  /// The 1-based lines of `text` that are a marker outside any whole conflict: what is left when a clerk removed
  /// some of a conflict's markers but not all (a `=======` or `>>>>>>> LABEL` line, which no minutes file holds
  /// at the start of a line). Empty when there are none.
  public static func strayMarkers(in text: String) -> [Int] {
    // As bytes: a marker's bytes are in every text that has the marker (its lines are then read as characters).
    guard text.includes("=======") || text.includes(">>>>>>>") || text.includes("<<<<<<<") || text.includes("|||||||") else {
      return []
    }
    let whole = find(in: text)
    var inside = Set<Int>()
    for conflict in whole {
      let end = max(conflict.second.lines?.upperBound ?? conflict.line, conflict.first.lines?.upperBound ?? conflict.line) + 1
      inside.formUnion(conflict.line...end)
    }
    var stray: [Int] = []
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated()
    where !inside.contains(index + 1) {
      if line == "=======" || ["<", "|", ">"].contains(where: { marker(Character($0), in: line) != nil }) { stray.append(index + 1) }
    }
    return stray
  }

  /// The label after a seven-character marker of `character` that starts `line`, or `nil` when `line` is no such
  /// marker.
  private static func marker(_ character: Character, in line: Substring) -> String? {
    let mark = String(repeating: character, count: 7)
    guard line.hasPrefix(mark) else { return nil }
    let rest = line.dropFirst(7)
    if rest.isEmpty { return "" }
    guard rest.first == " " else { return nil }
    return String(rest.dropFirst())
  }
}

extension MergeConflict.Side {
  fileprivate mutating func add(_ line: String, at number: Int) {
    text.append(line)
    lines = (lines?.lowerBound ?? number)...number
  }
}

extension MergeConflict {
  /// Refuses `text` (the file `file`) when it holds git's conflict markers.
  /// - Throws: ``SessionError/conflicted(file:conflicts:)`` for whole conflicts, ``SessionError/strayMarker(file:line:)``
  ///   at the first marker left over from one.
  static func refuse(in text: String, file: String) throws {
    let conflicts = find(in: text)
    guard conflicts.isEmpty else { throw SessionError.conflicted(file: file, conflicts: conflicts) }
    if let line = strayMarkers(in: text).first {
      throw SessionError.strayMarker(file: file, line: line)
    }
  }
}

