import Foundation
public import VennSchema
import VennStore
import VennSyncClient

/// The `venn` program: parses the arguments, runs one command and prints.
public struct VennCommandLine {
    let environment: [String: String]
    let schemas: SchemaSet
    let console: Console
    let language: Language

    public init(environment: [String: String], console: Console, schemas: SchemaSet = .embedded) {
        self.environment = environment
        self.schemas = schemas
        self.console = console
        self.language = Language(environment: environment)
    }

    /// Runs the program with `arguments` (without the program name) and
    /// returns its exit code. Errors are printed to standard error.
    public func run(_ arguments: [String]) -> Int32 {
        do {
            try dispatch(arguments)
            return ExitCode.success.rawValue
        } catch {
            for line in error.lines(in: language) {
                console.printError("venn: " + line)
            }
            if error.exitCode == .usage, let command = command(in: arguments) {
                console.printError("venn: " + Message.seeHelp(command).text(in: language))
            }
            return error.exitCode.rawValue
        }
    }

    /// The collections people may name, in name order.
    var collections: [CollectionSchema] {
        schemas.collections.values.sorted { $0.name < $1.name }
    }

    var help: HelpText {
        HelpText(language: language, terminalWidth: console.terminalWidth)
    }

    private static let commonOptions = OptionDeclaration.global + [.group]

    /// Options only some commands take.
    private static let commandOptions: [Command: [OptionDeclaration]] = [
        .initialize: [OptionDeclaration("server", kind: .value), OptionDeclaration("code", kind: .value)],
        .conflicts: [OptionDeclaration("take", kind: .value)],
        .import: [OptionDeclaration("dry-run", kind: .switch), OptionDeclaration("skip-invalid", kind: .switch)],
        .export: [OptionDeclaration("format", kind: .value)],
        .demoData: [OptionDeclaration("size", kind: .value), OptionDeclaration("seed", kind: .value)],
    ]

    private func command(in arguments: [String]) -> Command? {
        ArgumentList.leadingPositionals(in: arguments, declarations: Self.commonOptions).first.flatMap(Command.init)
    }

    // MARK: - Dispatch

    private func dispatch(_ arguments: [String]) throws(CLIError) {
        let leading = ArgumentList.leadingPositionals(in: arguments, declarations: Self.commonOptions)
        guard let name = leading.first else {
            let parsed = try ArgumentList(parsing: arguments, declarations: Self.commonOptions)
            if parsed.contains(OptionDeclaration.help.name) {
                console.print(help.program(collections: collections))
                return
            }
            console.printError(help.program(collections: collections))
            throw .usage(.missingArgument(.command))
        }
        guard let command = Command(rawValue: name) else {
            let suggestion = EditDistance.closest(to: name, among: Command.allCases.map(\.name))
            throw CLIError(.usage, .unknownCommand(name, suggestion: suggestion))
        }

        // The collection decides which flags exist.
        var schema: CollectionSchema?
        if command.takesCollection, leading.count > 1 {
            let collectionName = leading[1]
            guard let found = schemas.collection(named: collectionName) else {
                throw .unknownCollection(collectionName, known: collections.map(\.name))
            }
            schema = found
        }
        let flags = schema.map(RecordFlags.init(collection:))
        var declarations = Self.commonOptions
        declarations += flags?.declarations(for: command) ?? []
        declarations += Self.commandOptions[command] ?? []
        if command.isWorkflow { declarations += Self.workflowOptions(for: command) }
        let parsed = try ArgumentList(
            parsing: arguments,
            declarations: declarations,
            collection: schema.map(SchemaLabel.init)
        )

        if parsed.contains(OptionDeclaration.help.name) {
            if command.isWorkflow {
                console.print(workflowHelp(command))
            } else if let schema {
                console.print(help.collection(schema, command: command))
            } else {
                console.print(help.command(command, collections: collections))
            }
            return
        }

        // Positional arguments: the command, then what it takes.
        let positionals = Array(parsed.positionals.dropFirst())
        if positionals.count < command.arguments.count {
            throw .missingArgument(command.arguments[positionals.count])
        }
        if positionals.count > command.arguments.count, !command.takesSubcommand {
            throw .usage(.unexpectedArgument(positionals[command.arguments.count]))
        }

        let invocation = Invocation(
            command: command,
            arguments: parsed,
            positionals: positionals,
            schema: schema,
            flags: flags,
            isJSON: parsed.contains(OptionDeclaration.json.name)
        )
        if command == .initialize {
            try initialize(invocation)
        } else if command == .sync || command == .status || command == .conflicts {
            try withStore(invocation) { store throws(CLIError) in
                try runSyncCommand(invocation, store: store)
            }
        } else if command.isWorkflow {
            try withStore(invocation) { store throws(CLIError) in
                try runWorkflowCommand(invocation, store: store)
            }
        } else if [.import, .export, .demoData].contains(command) {
            try withStore(invocation) { store throws(CLIError) in
                try runDomainCommand(invocation, store: store)
            }
        } else {
            try withStore(invocation) { store throws(CLIError) in
                try runRecordCommand(invocation, store: store)
            }
        }
    }

    /// What one run of a command was given.
    struct Invocation {
        var command: Command
        var arguments: ArgumentList
        var positionals: [String]
        var schema: CollectionSchema?
        var flags: RecordFlags?
        var isJSON: Bool
    }

    // MARK: - Store

    private var location: StoreLocation { StoreLocation(environment: environment) }

    private func initialize(_ invocation: Invocation) throws(CLIError) {
        guard let group = invocation.arguments.value(of: OptionDeclaration.group.name) else {
            throw .usage(.missingValue(flag: OptionDeclaration.group.flag))
        }
        guard StoreLocation.isValidGroupName(group) else { throw .usage(.invalidGroupName(group)) }
        let storeFlag = invocation.arguments.value(of: OptionDeclaration.store.name)
        let path = try location.resolve(store: storeFlag, group: group)

        let server = invocation.arguments.value(of: "server")
        let code = invocation.arguments.value(of: "code")
        if (server == nil) != (code == nil) {
            throw .usage(.missingValue(flag: server == nil ? "--server" : "--code"))
        }

        // With a server, an existing store that was never enrolled may be
        // enrolled now; otherwise a new store is made.
        var created = false
        let store: Store
        do {
            if server != nil, FileManager.default.fileExists(atPath: path) {
                store = try Store.open(at: path, schemas: schemas)
                guard try store.syncState(Store.SyncStateKey.server) == nil else {
                    throw StoreError(.storeExists, detail: path)
                }
            } else {
                store = try Store.create(at: path, group: group, schemas: schemas)
                created = true
            }
        } catch {
            throw cliError(error)
        }

        if let server, let code {
            do {
                try Enrollment.enroll(store: store, server: server, code: code, label: Self.hostName)
            } catch {
                try? store.close()
                if created { Self.removeStore(at: path) }
                throw cliError(error)
            }
        }
        try? store.close()
        if created {
            console.print(Message.storeInitialized(group: group, path: path).text(in: language))
        }
        if let server {
            console.print(Message.enrolled(group: group, server: server).text(in: language))
        }
    }

    private static var hostName: String {
        ProcessInfo.processInfo.hostName
    }

    private static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    private func withStore(_ invocation: Invocation, _ body: (Store) throws(CLIError) -> Void) throws(CLIError) {
        let path = try location.resolve(
            store: invocation.arguments.value(of: OptionDeclaration.store.name),
            group: invocation.arguments.value(of: OptionDeclaration.group.name)
        )
        let store: Store
        do {
            store = try Store.open(at: path, schemas: schemas)
        } catch {
            throw cliError(error)
        }
        defer { try? store.close() }
        try body(store)
    }

    /// The command-line error for a store error.
    func cliError(_ error: any Error, schema: CollectionSchema? = nil) -> CLIError {
        if let error = error as? SyncError { return cliError(error) }
        guard let error = error as? StoreError else { return .internalError("\(error)") }
        let label = schema.map(SchemaLabel.init) ?? SchemaLabel(name: error.detail)
        switch error.code {
        case .storeNotFound: return .storeProblem(.storeNotFound(path: error.detail))
        case .storeExists: return .storeProblem(.storeAlreadyExists(path: error.detail))
        case .notAStore: return .storeProblem(.notAStore(path: error.detail))
        case .storeTooNew:
            return .storeProblem(.storeTooNew(
                path: error.detail,
                found: error.versions?.found ?? 0,
                supported: error.versions?.supported ?? Store.fileVersion
            ))
        case .cannotOpen:
            let (path, reason) = Self.splitDetail(error.detail)
            return .storeProblem(.storeUnavailable(path: path, reason: reason))
        case .invalidData: return .invalidData(error.issues)
        case .unknownCollection: return .unknownCollection(error.detail, known: collections.map(\.name))
        case .readOnlyCollection: return CLIError(.usage, .readOnlyCollection(label))
        case .recordNotFound:
            let id = error.detail.split(separator: "/").last.map(String.init) ?? error.detail
            return CLIError(.notFound, .recordNotFound(collection: label, id: id))
        default: return .internalError("\(error)")
        }
    }

    private static func splitDetail(_ detail: String) -> (String, String) {
        guard let range = detail.range(of: ": ") else { return (detail, "") }
        return (String(detail[..<range.lowerBound]), String(detail[range.upperBound...]))
    }
}
