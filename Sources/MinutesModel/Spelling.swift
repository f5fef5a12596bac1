/// What a clerk probably meant by a word that names nothing (`--house gaps=…`, `:house atendance`): the one word
/// among those there are within a few typing slips of it.
public enum Spelling {
  /// The word of `words` nearest to `typed` by edit distance (insertions, deletions, substitutions and swaps of
  /// neighbouring characters, ignoring letter case), when it is within a third of the longer word's length (at least 1, at most
  /// 3) and no other word is as near; `nil` otherwise, or when `typed` is one of `words`.
  /// - Complexity: O(*m* × *n*) for each word, *m* and *n* the lengths of `typed` and the word.
  public static func nearest(to typed: String, among words: [String]) -> String? {
    let typedCharacters = Array(typed.lowercased())
    var best: (word: String, distance: Int)?
    var tied = false
    for word in words {
      let characters = Array(word.lowercased())
      let distance = editDistance(typedCharacters, characters)
      guard distance > 0 else { return nil }
      let limit = min(3, max(1, max(typedCharacters.count, characters.count) / 3))
      guard distance <= limit else { continue }
      if let current = best, distance >= current.distance {
        if distance == current.distance, word.lowercased() != current.word.lowercased() { tied = true }
        continue
      }
      (best, tied) = ((word, distance), false)
    }
    return tied ? nil : best?.word
  }

  /// The edit distance between `a` and `b` counting a swap of two neighbouring characters as one slip (`chiar`
  /// for `chair`), as well as an insertion, a deletion or a substitution: the optimal string alignment distance.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }
}
