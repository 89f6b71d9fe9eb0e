import Foundation
import VennCLI

// `venn`: the working group's command-line client. Everything it does lives
// in VennCLI; this file only connects it to the process.

let environment = ProcessInfo.processInfo.environment
let program = VennCommandLine(environment: environment, console: .standard(environment: environment))
exit(program.run(Array(CommandLine.arguments.dropFirst())))
