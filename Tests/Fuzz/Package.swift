// swift-tools-version: 6.1
// libFuzzer targets for derive. Kept out of the root package because an executable whose
// `main` comes from libFuzzer does not link without `-sanitize=fuzzer`. Build and run with
// `bash Tests/Fuzz/run.sh`, which passes the sanitizer flags to every target, the root
// package's `Symbolic` included.
import PackageDescription

let package = Package(
    name: "DeriveFuzz",
    dependencies: [
        .package(name: "derive", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "FuzzLaTeXReader", dependencies: [.product(name: "Symbolic", package: "derive")]),
        .executableTarget(name: "FuzzVerify", dependencies: [.product(name: "Symbolic", package: "derive")]),
    ]
)
