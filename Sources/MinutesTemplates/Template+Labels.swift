import MinutesModel

/// What a template calls the places of a draft: the part asked at an address, the numbers along it and the short
/// label a prompt or a finding names it by.
extension Template {
  /// The part whose question is asked at `address`: the field itself, the list for its entries, and for the end
  /// of a list of records that does not read lines, the first part of a new entry.
  public func askedPart(at address: Address) -> Part? {
    guard let part = part(at: address) else { return nil }
    if address.isEnd, let first = part.records?.firstPart { return first }
    return part
  }

  /// A short prompt naming where the clerk is, e.g. `議題2 指示1 要點3`.
  public func label(of address: Address, in minutes: Minutes) -> String {
    let numbers = numbers(of: address, in: minutes)
    // 議題2 in Chinese; Item 2 in English.
    let space = messages.isChinese ? "" : " "
    var words = numbers.map { "\($0.list.label)\(space)\($0.number)" }
    // An entry of a list is named by the list's label and its number alone.
    if let asked = askedPart(at: address) {
      switch asked.shape {
      case .list where address.listEntry != nil: break
      case .field, .group, .list: words.append(asked.label)
      }
    }
    return words.joinedText(separator: " ")
  }

  /// The lists along `address` with the 1-based entry number in each; for an end slot, the number the new
  /// entry will get.
  public func numbers(of address: Address, in minutes: Minutes) -> [(list: Part, number: Int)] {
    var result: [(Part, Int)] = []
    var part = root
    var prefix = Address.root
    for step in address.steps {
      switch step {
      case .key(let key):
        guard let child = part.parts.first(where: { $0.key == key }) else { return result }
        part = child
      case .index(let n): result.append((part, n))
      case .end: result.append((part, minutes.entries(of: prefix).count + 1))
      }
      prefix = prefix.appending(step)
    }
    return result
  }
}
