extension DemoData {
    /// A seeded SplitMix64 generator: the same seed gives the same sequence
    /// on every platform and every run.
    ///
    /// The helpers below reduce numbers by themselves instead of calling the
    /// standard library's `random(in:using:)`, whose use of the generator is
    /// not a documented promise, so demo data stays the same across toolchains.
    struct Generator: RandomNumberGenerator {
        private var state: UInt64

        /// A generator whose sequence is fixed by `seed`.
        init(seed: UInt64) {
            state = seed
        }

        /// The next 64 random bits (SplitMix64, Steele, Lea and Flood 2014).
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }

        /// A number in `0..<count`; `count` must be positive.
        mutating func below(_ count: Int) -> Int {
            precondition(count > 0, "the range is empty")
            return Int(next().multipliedFullWidth(by: UInt64(count)).high)
        }

        /// A number in `range`.
        mutating func number(in range: ClosedRange<Int>) -> Int {
            range.lowerBound + below(range.count)
        }

        /// True in about `percent` of the calls.
        mutating func chance(_ percent: Int) -> Bool {
            below(100) < percent
        }

        /// One element of a non-empty array.
        mutating func pick<T>(_ elements: [T]) -> T {
            elements[below(elements.count)]
        }

        /// `count` different elements, in the array's order.
        mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
            var indices = Array(elements.indices)
            shuffle(&indices)
            return indices.prefix(min(count, elements.count)).sorted().map { elements[$0] }
        }

        /// Shuffles `elements` in place (Fisher–Yates).
        mutating func shuffle<T>(_ elements: inout [T]) {
            guard elements.count > 1 else { return }
            for index in stride(from: elements.count - 1, to: 0, by: -1) {
                elements.swapAt(index, below(index + 1))
            }
        }
    }

    typealias Day = CalendarDay
}
