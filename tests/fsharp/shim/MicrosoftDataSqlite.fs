// A stand-in for the part of Microsoft.Data.Sqlite that migc's generated F#
// uses, for type-checking and running that code with Fable (F# to
// JavaScript) on a machine without .NET. Namespace, type names and member
// signatures are those of Microsoft.Data.Sqlite 9.0; underneath is sql.js
// (SQLite compiled to WebAssembly), which the entry script loads into
// globalThis.__MIGC_SQLJS__ before this code runs.
//
// Behaviour kept from the real library because generated code depends on it:
//   - a command on a connection with a pending transaction must carry that
//     transaction (InvalidOperationException otherwise), and a finished
//     transaction cannot be used;
//   - NULL is bound only as DBNull.Value; a null reference is refused;
//   - every parameter the SQL names must have been added;
//   - values bind as Microsoft.Data.Sqlite binds them: int64 → INTEGER,
//     float → REAL, bool → INTEGER 0/1, string → TEXT, byte[] → BLOB,
//     DateTime → TEXT "yyyy-MM-dd HH:mm:ss.FFFFFFF", decimal → TEXT;
//   - SQLite failures surface as SqliteException with SqliteErrorCode.
//
// Departures, all forced by sql.js or Fable:
//   - DBNull is declared here: Fable cannot compile System.DBNull. Code that
//     opens System and then Microsoft.Data.Sqlite (as generated code does)
//     reads DBNull.Value from this type here and from System.DBNull on .NET;
//   - sql.js exports neither sqlite3_bind_int64 nor sqlite3_extended_errcode:
//     an int64 outside the int32 range is bound as text inside
//     CAST(... AS INTEGER), an integral float inside CAST(... AS REAL), and
//     SqliteExtendedErrorCode is derived from the message for constraint
//     failures (UNIQUE 2067, NOT NULL 1299, CHECK 275, FOREIGN KEY 787,
//     datatype 3091), else equals SqliteErrorCode;
//   - only in-memory databases ("Data Source=:memory:"); "Foreign Keys=True"
//     in the connection string turns enforcement on;
//   - ExecuteReader runs the first statement of the command text.
namespace Microsoft.Data.Sqlite

open System
open Fable.Core
open Fable.Core.JsInterop

/// Stands in for System.DBNull (see the file's first lines).
[<AllowNullLiteral>]
type DBNull private () =
    static member val Value = DBNull()
    override _.ToString() = ""

/// A failure reported by SQLite.
type SqliteException(message: string, errorCode: int, extendedErrorCode: int) =
    inherit Exception(message)
    new(message: string, errorCode: int) = SqliteException(message, errorCode, errorCode)
    member _.SqliteErrorCode = errorCode
    member _.SqliteExtendedErrorCode = extendedErrorCode
    member _.ErrorCode = errorCode

module internal Native =
    [<Emit("globalThis.__MIGC_SQLJS__")>]
    let sqlJs: obj = jsNative

    [<Emit("typeof $0")>]
    let jsTypeOf (_: obj) : string = jsNative

    [<Emit("$0 instanceof Uint8Array")>]
    let isBytes (_: obj) : bool = jsNative

    [<Emit("$0 == null")>]
    let isNullish (_: obj) : bool = jsNative

    [<Emit("$0.sqliteCode")>]
    let sqliteCode (_: exn) : obj = jsNative

    [<Emit("Number($0)")>]
    let toNumber (_: obj) : float = jsNative

    [<Emit("BigInt($0)")>]
    let toBigInt (_: obj) : int64 = jsNative

    [<Emit("Number.isInteger($0)")>]
    let isInteger (_: float) : bool = jsNative

    [<Emit("new TextEncoder().encode($0)")>]
    let utf8Bytes (_: string) : byte[] = jsNative

    [<Emit("new TextDecoder().decode($0)")>]
    let utf8Text (_: byte[]) : string = jsNative

    let extendedCode (primary: int) (message: string) =
        if primary <> 19 then primary
        elif message.StartsWith("UNIQUE constraint failed") then 2067
        elif message.StartsWith("NOT NULL constraint failed") then 1299
        elif message.StartsWith("CHECK constraint failed") then 275
        elif message.StartsWith("FOREIGN KEY constraint failed") then 787
        elif message.StartsWith("cannot store") then 3091
        else primary

    /// Runs `f`, turning an sql.js failure into a SqliteException.
    let sqlite (f: unit -> 'T) : 'T =
        try
            f ()
        with
        | :? SqliteException -> reraise ()
        | ex ->
            let code = sqliteCode ex
            // Only sql.js's errors carry a result code; anything else is
            // a bug in the shim or its caller and stays what it was.
            if isNullish code then
                reraise ()
            else
                let primary = int (toNumber code)
                raise (SqliteException(ex.Message, primary, extendedCode primary ex.Message))

    /// The parameter names (@x, :x, $x) the SQL text mentions outside
    /// literals, quoted identifiers and comments, with their positions.
    let parameterTokens (sql: string) : (int * string) list =
        let n = sql.Length
        let isNameChar (c: char) = Char.IsLetterOrDigit c || c = '_'
        let rec skipTo (closing: char) i =
            if i >= n then n
            elif sql.[i] = closing then i + 1
            else skipTo closing (i + 1)
        let rec scan i acc =
            if i >= n then List.rev acc
            else
                match sql.[i] with
                | '\'' | '"' | '`' as q -> scan (skipTo q (i + 1)) acc
                | '[' -> scan (skipTo ']' (i + 1)) acc
                | '-' when i + 1 < n && sql.[i + 1] = '-' -> scan (skipTo '\n' i) acc
                | '/' when i + 1 < n && sql.[i + 1] = '*' ->
                    let close = sql.IndexOf("*/", i + 2)
                    scan (if close < 0 then n else close + 2) acc
                | '@' | ':' | '$' when i + 1 < n && isNameChar sql.[i + 1] ->
                    let mutable j = i + 1
                    while j < n && isNameChar sql.[j] do
                        j <- j + 1
                    scan j ((i, sql.Substring(i, j - i)) :: acc)
                | _ -> scan (i + 1) acc
        scan 0 []

/// One parameter of a command.
type SqliteParameter(parameterName: string, value: obj) =
    member val ParameterName = parameterName with get, set
    member val Value = value with get, set

/// The parameters of a command.
type SqliteParameterCollection() =
    let items = ResizeArray<SqliteParameter>()
    member _.AddWithValue(parameterName: string, value: obj) : SqliteParameter =
        let p = SqliteParameter(parameterName, value)
        items.Add p
        p
    member _.Add(parameter: SqliteParameter) : SqliteParameter =
        items.Add parameter
        parameter
    member _.Clear() = items.Clear()
    member _.Count = items.Count
    member internal _.Items = items :> seq<SqliteParameter>

/// Reads the rows of a query, one at a time.
[<AllowNullLiteral>]
type SqliteDataReader internal (statement: obj, onClose: unit -> unit) =
    let mutable row: obj[] = [||]
    let mutable closed = false
    let columnNames: string[] = statement?getColumnNames()

    member private _.Raw(ordinal: int) : obj =
        if closed then raise (InvalidOperationException "Invalid attempt to call method when reader is closed.")
        if ordinal < 0 || ordinal >= row.Length then raise (ArgumentOutOfRangeException("ordinal"))
        row.[ordinal]

    member private this.NotNull(ordinal: int) : obj =
        let v = this.Raw ordinal
        if Native.isNullish v then
            raise (InvalidOperationException "The data is NULL at ordinal; this method can't be called on NULL values.")
        v

    member _.FieldCount = columnNames.Length
    member _.GetName(ordinal: int) : string = columnNames.[ordinal]
    member _.GetOrdinal(name: string) : int =
        match Array.tryFindIndex (fun (c: string) -> String.Equals(c, name, StringComparison.OrdinalIgnoreCase)) columnNames with
        | Some i -> i
        | None -> raise (ArgumentOutOfRangeException("name", name))

    member _.Read() : bool =
        if closed then false
        else
            Native.sqlite (fun () ->
                if statement?step() then
                    row <- statement?get(null, createObj [ "useBigInt" ==> true ])
                    true
                else
                    row <- [||]
                    false)

    member this.IsDBNull(ordinal: int) : bool = Native.isNullish (this.Raw ordinal)

    member this.GetInt64(ordinal: int) : int64 =
        let v = this.NotNull ordinal
        match Native.jsTypeOf v with
        | "bigint" -> unbox<int64> v
        | "number" -> Native.toBigInt (Math.Truncate(Native.toNumber v))
        | "string" ->
            match Int64.TryParse(unbox<string> v) with
            | true, x -> x
            | _ -> 0L
        | _ -> 0L

    member this.GetInt32(ordinal: int) : int = int (this.GetInt64 ordinal)

    member this.GetDouble(ordinal: int) : float =
        let v = this.NotNull ordinal
        match Native.jsTypeOf v with
        | "bigint"
        | "number" -> Native.toNumber v
        | "string" ->
            match Double.TryParse(unbox<string> v) with
            | true, x -> x
            | _ -> 0.0
        | _ -> 0.0

    member this.GetString(ordinal: int) : string =
        let v = this.NotNull ordinal
        match Native.jsTypeOf v with
        | "string" -> unbox<string> v
        | "bigint" -> string (unbox<int64> v)
        | "number" ->
            let f = Native.toNumber v
            // SQLite prints an integral REAL with ".0".
            if Native.isInteger f then string f + ".0" else string f
        | _ -> Native.utf8Text (unbox<byte[]> v)

    member this.GetBoolean(ordinal: int) : bool = this.GetInt64 ordinal <> 0L

    member this.GetDecimal(ordinal: int) : decimal = Decimal.Parse(this.GetString ordinal)

    member this.GetDateTime(ordinal: int) : DateTime =
        let v = this.NotNull ordinal
        match Native.jsTypeOf v with
        | "number" ->
            // A REAL is a Julian day number, as Microsoft.Data.Sqlite reads it.
            DateTime(1858, 11, 17).AddDays(Native.toNumber v - 2400000.5)
        | _ -> DateTime.Parse(this.GetString ordinal)

    member this.GetValue(ordinal: int) : obj =
        let v = this.Raw ordinal
        if Native.isNullish v then box DBNull.Value else v

    member this.GetFieldValue<'T>(ordinal: int) : 'T =
        let v = this.NotNull ordinal
        if Native.jsTypeOf v = "string" then unbox<'T> (Native.utf8Bytes (unbox<string> v))
        else unbox<'T> v

    member _.Close() =
        if not closed then
            closed <- true
            statement?free() |> ignore
            onClose ()

    member this.Dispose() = this.Close()

    interface IDisposable with
        member this.Dispose() = this.Close()

/// A connection to an in-memory database.
[<AllowNullLiteral>]
type SqliteConnection(connectionString: string) =
    let mutable db: obj = null
    let mutable transaction: SqliteTransaction = null

    member val ConnectionString = connectionString with get, set

    member _.Open() =
        if isNull db then
            let settings =
                connectionString.Split(';')
                |> Array.choose (fun part ->
                    match part.Split('=') with
                    | [| k; v |] -> Some(k.Trim().ToLowerInvariant(), v.Trim())
                    | _ -> None)
                |> dict
            match settings.TryGetValue "data source" with
            | true, ":memory:"
            | false, _ -> ()
            | true, other -> raise (NotSupportedException("the shim opens only in-memory databases, not " + other))
            let sqlJs = Native.sqlJs
            db <- createNew sqlJs?Database ()
            match settings.TryGetValue "foreign keys" with
            | true, v when v.ToLowerInvariant() = "true" -> db?run("PRAGMA foreign_keys = ON") |> ignore
            | _ -> ()

    member _.Close() =
        if not (isNull db) then
            db?close() |> ignore
            db <- null

    member this.Dispose() = this.Close()

    interface IDisposable with
        member this.Dispose() = this.Close()

    member internal _.Database =
        if isNull db then raise (InvalidOperationException "ExecuteReader can only be called when the connection is open.")
        db

    member internal _.Transaction
        with get () = transaction
        and set (t: SqliteTransaction) = transaction <- t

    member this.BeginTransaction() : SqliteTransaction =
        if not (isNull transaction) then
            raise (InvalidOperationException "SqliteConnection does not support nested transactions.")
        Native.sqlite (fun () -> this.Database?run("BEGIN") |> ignore)
        let t = new SqliteTransaction(this)
        transaction <- t
        t

    member this.CreateCommand() : SqliteCommand = new SqliteCommand("", this)

/// A transaction begun by SqliteConnection.BeginTransaction.
and [<AllowNullLiteral>] SqliteTransaction internal (connection: SqliteConnection) =
    let mutable completed = false

    member _.Connection = if completed then null else connection
    member internal _.Completed = completed

    member private _.Finish(sql: string) =
        if completed then
            raise (InvalidOperationException "This SqliteTransaction has completed; it is no longer usable.")
        completed <- true
        connection.Transaction <- null
        Native.sqlite (fun () -> connection.Database?run(sql) |> ignore)

    member this.Commit() = this.Finish "COMMIT"
    member this.Rollback() = this.Finish "ROLLBACK"

    member this.Dispose() =
        if not completed then this.Rollback()

    interface IDisposable with
        member this.Dispose() = this.Dispose()

/// One SQL command: text, connection, transaction and parameters.
and [<AllowNullLiteral>] SqliteCommand(commandText: string, connection: SqliteConnection, transaction: SqliteTransaction) =
    let parameters = SqliteParameterCollection()

    new() = new SqliteCommand(null, null, null)
    new(commandText: string) = new SqliteCommand(commandText, null, null)
    new(commandText: string, connection: SqliteConnection) = new SqliteCommand(commandText, connection, null)

    member val CommandText = commandText with get, set
    member val Connection = connection with get, set
    member val Transaction = transaction with get, set
    member _.Parameters = parameters

    /// The database, after the checks Microsoft.Data.Sqlite makes before
    /// executing a command.
    member private this.Ready() : obj =
        if isNull this.Connection then
            raise (InvalidOperationException "ExecuteReader can only be called when the connection is open.")
        let db = this.Connection.Database
        let pending = this.Connection.Transaction
        if not (isNull this.Transaction) && this.Transaction.Completed then
            raise (InvalidOperationException "This SqliteTransaction has completed; it is no longer usable.")
        if isNull this.Transaction && not (isNull pending) then
            raise (
                InvalidOperationException
                    "Execute requires the command to have a transaction object when the connection assigned to the command is in a pending local transaction.  The Transaction property of the command has not been initialized."
            )
        if not (isNull this.Transaction) && not (obj.ReferenceEquals(this.Transaction, pending)) then
            raise (InvalidOperationException "The transaction object is not associated with the same connection object as this command.")
        db

    /// The command text with casts where sql.js cannot bind a value's type,
    /// and the values to bind by name.
    member private this.Bind() : string * obj =
        let sql = this.CommandText
        let values = createEmpty<obj>
        let casts = Collections.Generic.Dictionary<string, string>()
        for p in parameters.Items do
            let name = p.ParameterName
            let bound, cast =
                match p.Value with
                | null -> raise (InvalidOperationException("Value must be set. (parameter '" + name + "')"))
                | :? DBNull -> null, null
                | :? string as s -> box s, null
                | :? bool as b -> box (if b then 1 else 0), null
                | :? int64 as i ->
                    if i >= -2147483648L && i <= 2147483647L then box (Native.toNumber i), null
                    else box (string i), "INTEGER"
                | :? decimal as d ->
                    // Microsoft.Data.Sqlite's format is "0.0###...": always a decimal point.
                    let text = d.ToString(Globalization.CultureInfo.InvariantCulture)
                    box (if text.Contains "." then text else text + ".0"), null
                | :? DateTime as t ->
                    let text = t.ToString("yyyy-MM-dd HH:mm:ss")
                    let text = if t.Millisecond = 0 then text else text + "." + (sprintf "%03d" t.Millisecond).TrimEnd('0')
                    box text, null
                | v when Native.isBytes v -> v, null
                | v when Native.jsTypeOf v = "number" ->
                    let f = Native.toNumber v
                    if Native.isInteger f then box (string f), "REAL" else v, null
                | v -> raise (InvalidOperationException("No mapping exists from object type " + Native.jsTypeOf v + "."))
            values?(name) <- bound
            if not (isNull cast) then casts.[name] <- cast
        let tokens = Native.parameterTokens sql
        let missing =
            tokens
            |> List.map snd
            |> List.filter (fun n -> not (parameters.Items |> Seq.exists (fun p -> p.ParameterName = n)))
            |> List.distinct
        if not missing.IsEmpty then
            raise (InvalidOperationException("Must add values for the following parameters: " + String.Join(", ", missing)))
        let rewritten =
            if casts.Count = 0 then sql
            else
                let sb = Text.StringBuilder()
                let mutable at = 0
                for (pos, name) in tokens do
                    match casts.TryGetValue name with
                    | true, t ->
                        sb.Append(sql.Substring(at, pos - at)).Append("CAST(").Append(name).Append(" AS ").Append(t).Append(")") |> ignore
                        at <- pos + name.Length
                    | _ -> ()
                sb.Append(sql.Substring at).ToString()
        rewritten, values

    member this.ExecuteNonQuery() : int =
        let db = this.Ready()
        let sql, values = this.Bind()
        Native.sqlite (fun () ->
            let mutable changes = 0
            let statements = db?iterateStatements(sql)
            let mutable next = statements?next()
            while not (next?``done``) do
                let stmt = next?value
                try
                    stmt?bind(values) |> ignore
                    while stmt?step() do
                        ()
                    let text: string = (stmt?getSQL() : string).TrimStart().ToUpperInvariant()
                    if text.StartsWith "INSERT" || text.StartsWith "UPDATE" || text.StartsWith "DELETE" || text.StartsWith "REPLACE" then
                        changes <- changes + int (Native.toNumber (db?getRowsModified()))
                finally
                    stmt?free() |> ignore
                next <- statements?next()
            changes)

    member this.ExecuteReader() : SqliteDataReader =
        let db = this.Ready()
        let sql, values = this.Bind()
        Native.sqlite (fun () ->
            let stmt = db?prepare(sql)
            try
                stmt?bind(values) |> ignore
            with _ ->
                stmt?free() |> ignore
                reraise ()
            new SqliteDataReader(stmt, ignore))

    member this.ExecuteScalar() : obj =
        use reader = this.ExecuteReader()
        if reader.Read() && reader.FieldCount > 0 then reader.GetValue 0 else null

    member _.Dispose() = ()

    interface IDisposable with
        member _.Dispose() = ()
