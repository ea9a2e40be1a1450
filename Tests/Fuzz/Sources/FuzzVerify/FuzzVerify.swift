import Symbolic

/// libFuzzer entry point: the bytes, decoded leniently as UTF-8, are verified as a whole
/// document (math blocks, statements, step checks) and the report is rendered in every format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let report = Verifier().verify(text, file: "fuzz.md")
    _ = report.text
    _ = report.textWithNotes
    _ = report.json
    _ = report.compactJSON
    _ = report.latex
    _ = report.annotatedLaTeX(source: text, language: .en)
    _ = report.annotatedLaTeX(source: text, language: .fa)
    return 0
}
