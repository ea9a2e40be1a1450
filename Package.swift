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
        .target(
            name: "Symbolic",
            dependencies: ["CGMP", "CMPFI"]
        ),
        .executableTarget(
            name: "derive",
            dependencies: [
                "Symbolic",
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
                "Symbolic",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "deriveTests",
            dependencies: ["derive"]
        ),
    ]
)
