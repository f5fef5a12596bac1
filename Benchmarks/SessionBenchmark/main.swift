// Session benchmark: the cost of one durable edit, the prompt, resuming, a check and an export, at 10, 1,000 and
// 5,000 agenda items, in process. Run with `make bench` (release build). Prints figures; it asserts nothing.
// `minutes-benchmark --write-session N WORKSPACE` writes the session `bench-N` of N items into WORKSPACE for
// the whole-process comparison (Benchmarks/processes.py).
import Foundation
import MinutesKit

/// A synthetic draft: `items` agenda items of 3 directives with 5 points each, plus a full header and attendance.
func syntheticDraft(items: Int, template: Template) -> Minutes {
  let point = "要堅持問題導向，強力推進整改落實。各級領導幹部要進一步提升思想認識，克服敷衍、拖延、觀望等錯誤心態"
  let item: (Int) -> Value = { n in
    .record([
      "kind": .text("審議"), "subject": .text("第\(n)號辦法"), "status": .text("討論稿"),
      "directives": .list(["指出", "強調", "要求"].map { verb in
        .record(["verb": .text(verb), "points": .list((1...5).map { .text("\(point)（\($0)）") })])
      }),
    ])
  }
  let content: Record = [
    "meeting": .record([
      "date": .text("2022-05-20"), "period": .text("下午"),
      "chair": .record(["title": .text("政府代區長"), "name": .text("管尊旭")]),
      "term": .number(10), "body": .text("區政府"), "number": .number(3), "kind": .text("常務會議"),
    ]),
    "items": .list((1...items).map(item)),
    "otherMatters": .flag(true),
    "attendance": .record(["present": .list([.record(["title": .text("副區長"), "names": .list([.text("劉成剛"), .text("陳春青")])])])]),
  ]
  return (try? template.conform(Minutes(template: template.id, content: content))) ?? Minutes(template: template.id, content: content)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

@discardableResult
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func peakMemoryMiB() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--write-session", let items = Int(CommandLine.arguments[2]) {
  let template = try TemplateLibrary().template(id: "gov-executive.zh-Hant")
  let store = SessionStore(workspace: URL(fileURLWithPath: CommandLine.arguments[3], isDirectory: true))
  try store.save(SessionFile(minutes: syntheticDraft(items: items, template: template), resumeAt: .finished), name: "bench-\(items)")
  exit(0)
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let yaml = try String(contentsOf: root.appendingPathComponent("templates/gov-executive.zh-Hant.yaml"), encoding: .utf8)
let template = try TemplateLibrary.parse(yaml, file: "gov-executive.zh-Hant.yaml")
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: workspace) }
let store = SessionStore(workspace: workspace)
let edits = 200, resumes = 30

print("items  edit median (ms)  prompt median (ms)  resume median (ms)  check (ms)  export (ms)  snapshot (KiB)")
var editMedians: [Int: Double] = [:]
for size in [10, 1_000, 5_000] {
  let name = "bench-\(size)"
  try store.save(SessionFile(minutes: syntheticDraft(items: size, template: template), resumeAt: .finished), name: name)
  var assistant = Assistant(template: template, state: try store.loadState(name: name).state(interview: Interview(template: template)))
  // One durable edit: the clerk's line handled, and its journal record appended and flushed to disk.
  var editTimes: [Double] = []
  for n in 0..<edits {
    let address = "\(size / 2 + 1).2.\(n % 5 + 1)"
    editTimes.append(try milliseconds {
      let response = assistant.handle(":edit \(address) 要抓好落實，第\(n)次修改")
      guard let effect = response.effect else { fatalError("edit \(address) was refused: \(response.messages)") }
      try store.append(effect, name: name)
    })
  }
  // The prompt shown after every line: where the clerk is, the question, and the count of open errors.
  var promptTimes: [Double] = []
  for _ in 0..<edits {
    promptTimes.append(milliseconds { _ = (assistant.prompt, assistant.question, assistant.prefill) })
  }
  try store.compact(assistant.state, name: name)
  // Resume: load the snapshot and journal, give the draft its template's types, and build the assistant on it.
  var resumeTimes: [Double] = []
  for _ in 0..<resumes {
    resumeTimes.append(try milliseconds {
      var loaded = try store.loadState(name: name)
      loaded.file.minutes = try template.conform(loaded.file.minutes)
      _ = Assistant(template: template, state: loaded.state(interview: Interview(template: template)))
    })
  }
  let checkTime = milliseconds { _ = Validator(template: template).findings(in: assistant.minutes) }
  let exportTime = try milliseconds { _ = try TextExporter().export(assistant.minutes, template: template) }
  let snapshotSize = (try FileManager.default.attributesOfItem(atPath: store.file(for: name).path)[.size] as? Int) ?? 0
  editMedians[size] = median(editTimes)
  print(String(format: "%5d  %16.3f  %18.3f  %18.2f  %10.1f  %11.1f  %14d", size, median(editTimes), median(promptTimes),
               median(resumeTimes), checkTime, exportTime, snapshotSize / 1024))
}
print(String(format: "edit cost ratio 1000/10 items: %.2f (goal ≤ 1.2)", (editMedians[1_000] ?? 0) / (editMedians[10] ?? 1)))
print(String(format: "peak memory: %.1f MiB", peakMemoryMiB()))
