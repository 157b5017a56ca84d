// The generated F# of tests/fsharp/types.sql run against SQLite: every
// value type written and read back, as a value and as None, with the
// storage class SQLite kept; odd column names; a generated column; a
// self-referencing join; a table without PRIMARY KEY; a WITHOUT ROWID table
// keyed by text; key columns named like the helpers; a view; the `use` and
// `for` of the shim's `result` builder. Compiled to JavaScript by Fable and run by
// tests/fsharp/harness/run.mjs with the schema's DDL in
// globalThis.__MIGC_SCHEMA__. Prints one line per check and, when every
// check passed, "TypesTest OK".
module TypesTest

open System
open Fable.Core
open Microsoft.Data.Sqlite
open FsToolkit.ErrorHandling
open Types

[<Emit("globalThis.__MIGC_SCHEMA__")>]
let schemaSql: string = jsNative

[<Emit("process.exit($0)")>]
let exitWith (_: int) : unit = jsNative

let mutable passed = 0
let mutable failed = 0

let check (name: string) (ok: bool) (detail: string) =
    if ok then
        passed <- passed + 1
        printfn "ok - %s" name
    else
        failed <- failed + 1
        printfn "not ok - %s: %s" name detail

let expectOk (name: string) (r: Result<'T, SqliteException>) : 'T =
    match r with
    | Ok v -> v
    | Error e ->
        check name false (sprintf "Error %d: %s" e.SqliteErrorCode e.Message)
        failwithf "%s failed" name

let scalar (conn: SqliteConnection) (sql: string) : obj =
    use cmd = new SqliteCommand(sql, conn)
    cmd.ExecuteScalar()

let run () =
    use conn = new SqliteConnection("Data Source=:memory:;Foreign Keys=True")
    conn.Open()
    (new SqliteCommand(schemaSql, conn)).ExecuteNonQuery() |> ignore

    let full =
        { Kind.Id = 0L
          I = 9007199254740993L // 2^53 + 1: no double holds it
          INull = Some -42L
          R = 2.0
          RNull = Some 0.1
          N = 12.34m
          NNull = Some 99.5m
          T = "text"
          TNull = Some ""
          B = [| 0uy; 1uy; 255uy |]
          BNull = Some [||]
          Flag = true
          FlagNull = Some false
          At = DateTime(2024, 5, 6, 7, 8, 9)
          AtNull = Some(DateTime(1999, 12, 31, 23, 59, 58))
          V = box 7L
          VNull = Some(box "seven")
          Type = Some "a keyword"
          Select = Some 1L
          OddNameHere = Some "quoted"
          Doubled = None }
    let fullId = Kind.Insert(conn, full) |> expectOk "insert every type"
    let back = Kind.GetById(conn, fullId) |> expectOk "get every type"
    let expected = { full with Id = fullId; Doubled = Some(full.I * 2L) }
    check "every value type round trips" (back = Some expected) (sprintf "%A" back)
    let storage column =
        scalar conn (sprintf "SELECT typeof(%s) FROM kinds WHERE id = %d" column fullId) :?> string
    for column, cls in
        [ "i", "integer"; "r", "real"; "n", "real"; "t", "text"; "b", "blob"; "flag", "integer"; "at", "text"
          "v", "integer"; "v_null", "text" ] do
        check (sprintf "%s is stored as %s" column cls) (storage column = cls) (storage column)
    check "an integral float is stored as REAL" (scalar conn (sprintf "SELECT r = 2.0 FROM kinds WHERE id = %d" fullId) = box 1L) ""
    check "a DateTime is stored as ISO text" (storage "at" = "text" && (scalar conn (sprintf "SELECT at FROM kinds WHERE id = %d" fullId) :?> string).StartsWith "2024-05-06 07:08:09") ""

    let empty =
        { full with
            INull = None
            RNull = None
            NNull = None
            TNull = None
            BNull = None
            FlagNull = None
            AtNull = None
            VNull = None
            Type = None
            Select = None
            OddNameHere = None }
    let emptyId = Kind.Insert(conn, empty) |> expectOk "insert Nones"
    let nulls =
        scalar conn (sprintf "SELECT count(*) FROM kinds WHERE id = %d AND i_null IS NULL AND r_null IS NULL AND n_null IS NULL AND t_null IS NULL AND b_null IS NULL AND flag_null IS NULL AND at_null IS NULL AND v_null IS NULL AND \"type\" IS NULL AND \"select\" IS NULL AND \"odd \"\"name\"\" here\" IS NULL" emptyId)
    check "every None is stored as NULL" (nulls = box 1L) (sprintf "%A" nulls)
    let backEmpty = Kind.GetById(conn, emptyId) |> expectOk "get Nones"
    check "every NULL reads back as None" (backEmpty = Some { empty with Id = emptyId; Doubled = Some(empty.I * 2L) }) (sprintf "%A" backEmpty)
    Kind.Update(conn, { expected with I = 5L; TNull = None; Doubled = Some 0L }) |> expectOk "update"
    let updated = Kind.GetById(conn, fullId) |> expectOk "get updated"
    check "update writes every column but the generated one" (updated = Some { expected with I = 5L; TNull = None; Doubled = Some 10L }) (sprintf "%A" updated)
    let summary = KindSummary.GetAll(conn) |> expectOk "view"
    check "view over the table" (summary |> List.map (fun s -> s.Id, s.Doubled) = [ fullId, Some 10L; emptyId, Some(empty.I * 2L) ]) (sprintf "%A" summary)

    // A self-referencing foreign key: the join pairs each node with its parent.
    let root = Node.Insert(conn, { Id = 0L; Label = "root"; ParentId = None }) |> expectOk "insert root"
    let leaf = Node.Insert(conn, { Id = 0L; Label = "leaf"; ParentId = Some root }) |> expectOk "insert leaf"
    let pairs = Node.GetAllWithParent(conn) |> expectOk "self join"
    check "self join" (pairs |> List.map (fun (n, p) -> n.Label, p |> Option.map (fun p -> p.Label)) = [ "root", None; "leaf", Some "root" ]) (sprintf "%A" pairs)
    check "children by parent" (Node.GetByParentId(conn, root) |> Result.map (List.map (fun n -> n.Id)) = Ok [ leaf ]) ""
    check "find by unique label" (Node.FindByLabel(conn, "leaf") |> Result.map (Option.map (fun n -> n.Id)) = Ok(Some leaf)) ""

    // No PRIMARY KEY: insert and get all.
    let at = DateTime(2020, 2, 29, 12, 0, 0)
    Event.Insert(conn, { At = at; What = "leap" }) |> expectOk "insert event" |> ignore
    check "table without primary key" (Event.GetAll(conn) = Ok [ { At = at; What = "leap" } ]) ""

    // WITHOUT ROWID, keyed by text.
    Setting.Insert(conn, { Key = "theme"; Value = "dark" }) |> expectOk "insert setting"
    Setting.Update(conn, { Key = "theme"; Value = "light" }) |> expectOk "update setting"
    check "text key round trip" (Setting.GetById(conn, "theme") = Ok(Some { Key = "theme"; Value = "light" })) ""
    match Setting.Insert(conn, { Key = "theme"; Value = "again" }) with
    | Error e -> check "duplicate text key is Error 19" (e.SqliteErrorCode = 19) e.Message
    | Ok() -> check "duplicate text key is Error 19" false "inserted"
    Setting.Delete(conn, "theme") |> expectOk "delete setting"
    check "deleted by text key" (Setting.GetAll(conn) = Ok []) ""

    // Key columns named like the builder and helpers the bodies call: their
    // parameters get a suffix (result2, readOne2, ...) instead of shadowing them.
    let job = { Job.Id = 0L; Result = "r"; ReadOne = "o"; ReadAll = "a"; ScalarInt64 = 64L; Execute = None }
    let first = Job.Insert(conn, job) |> expectOk "insert job"
    let second = Job.Insert(conn, { job with Result = "s"; Execute = Some first }) |> expectOk "insert second job"
    check "find by columns named like helpers" (Job.FindByResultAndReadOneAndReadAllAndScalarInt64(conn, "s", "o", "a", 64L) |> Result.map (Option.map (fun j -> j.Id)) = Ok(Some second)) ""
    check "get by a column named execute" (Job.GetByExecute(conn, first) |> Result.map (List.map (fun j -> j.Id)) = Ok [ second ]) ""
    // An Error from execute stops the member before it reads the rowid.
    match Job.Insert(conn, { job with Result = "t"; Execute = Some 999L }) with
    | Error e -> check "a broken foreign key is Error 19" (e.SqliteErrorCode = 19) e.Message
    | Ok id -> check "a broken foreign key is Error 19" false (sprintf "inserted %d" id)
    check "nothing was inserted" (Job.GetAll(conn) |> Result.map List.length = Ok 2) ""

    // The shim's `result` builder as FsToolkit's: `use` disposes on Ok, on
    // Error and on an exception; `for` stops at the first Error.
    let disposed = ResizeArray<string>()
    let resource name = { new IDisposable with member _.Dispose() = disposed.Add name }
    let ok: Result<int, string> =
        result {
            use _r = resource "ok"
            return 1
        }
    let error: Result<int, string> =
        result {
            use _r = resource "error"
            return! Error "e"
        }
    let thrown =
        try
            let _: Result<int, string> =
                result {
                    use _r = resource "exception"
                    failwith "boom"
                    return 1
                }
            false
        with _ -> true
    check "use disposes on Ok, Error and exception" (ok = Ok 1 && error = Error "e" && thrown && List.ofSeq disposed = [ "ok"; "error"; "exception" ]) (sprintf "%A" (List.ofSeq disposed))
    let visited = ResizeArray<int>()
    let stopped: Result<unit, int> =
        result {
            for i in [ 1; 2; 3 ] do
                visited.Add i
                if i = 2 then return! Error i
        }
    check "for stops at the first Error" (stopped = Error 2 && List.ofSeq visited = [ 1; 2 ]) (sprintf "%A" (List.ofSeq visited))

try
    run ()
with e ->
    check "the test ran to its end" false e.Message

printfn "%d passed, %d failed" passed failed
if failed = 0 then printfn "TypesTest OK" else exitWith 1
