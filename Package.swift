// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "derive",
    products: [
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .executable(name: "derive", targets: ["derive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        // The HTTP server of `derive serve`.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        .systemLibrary(
            name: "CMPFI",
            providers: [.apt(["libmpfi-dev"])]
        ),
        // The library's layers, each a target of its own under Sources/Symbolic: a layer sees only
        // the layers below it. The hot kernel (numbers, expressions, algebra, calculus, polynomials)
        // is one module, so nothing crosses a module boundary in its loops.
        .target(name: "SymbolicCore", dependencies: ["CGMP", "CMPFI"], path: "Sources/Symbolic/Core"),
        .target(name: "SymbolicLaTeX", dependencies: ["SymbolicCore"], path: "Sources/Symbolic/LaTeX"),
        .target(name: "SymbolicShaped", dependencies: ["SymbolicCore", "SymbolicLaTeX"], path: "Sources/Symbolic/Shaped"),
        .target(name: "SymbolicVerification", dependencies: ["SymbolicCore", "SymbolicLaTeX", "SymbolicShaped"],
                path: "Sources/Symbolic/Verification"),
        .target(name: "SymbolicDerivations", dependencies: ["SymbolicCore", "SymbolicLaTeX", "SymbolicShaped", "SymbolicVerification"],
                path: "Sources/Symbolic/Derivations"),
        .target(name: "SymbolicReports",
                dependencies: ["SymbolicCore", "SymbolicLaTeX", "SymbolicShaped", "SymbolicVerification", "SymbolicDerivations"],
                path: "Sources/Symbolic/Reports"),
        // `derive serve`: the checker in the browser, over the reports layer.
        .target(name: "SymbolicServer",
                dependencies: ["SymbolicCore", "SymbolicVerification", "SymbolicReports", .product(name: "Hummingbird", package: "hummingbird")],
                path: "Sources/Symbolic/Server"),
        .target(name: "Symbolic",
                dependencies: ["SymbolicCore", "SymbolicLaTeX", "SymbolicShaped", "SymbolicVerification", "SymbolicDerivations", "SymbolicReports"],
                path: "Sources/Symbolic/Symbolic"),
        .executableTarget(
            name: "derive",
            dependencies: [
                "Symbolic",
                "SymbolicServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "DeriveBench",
            dependencies: ["Symbolic"],
            path: "bench/DeriveBench"
        ),
        .testTarget(
            name: "SymbolicTests",
            dependencies: [
                "Symbolic", "SymbolicCore", "SymbolicLaTeX", "SymbolicShaped", "SymbolicVerification", "SymbolicDerivations", "SymbolicReports",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "deriveTests",
            dependencies: ["derive"]
        ),
    ]
)
