// The demo schema's generated F# (fixtures/demo: Customers, Orders,
// Reports) used as an application would, against SQLite: round trips
// through every kind of member, NULL as None, foreign-key queries and joins,
// constraint failures as Error, transactions that fail leaving nothing
// behind, and hostile strings stored as given. Compiled to JavaScript by
// Fable and run by tests/fsharp/harness/run.mjs, which loads the schema's
// DDL (from `migc compile`) into globalThis.__MIGC_SCHEMA__. Prints one
// line per check and, when every check passed, "DemoTest OK".
module DemoTest

open System
open Fable.Core
open Microsoft.Data.Sqlite
open FsToolkit.ErrorHandling
open Customers
open Orders
open Reports

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

/// The value of an Ok, or a failed check and a thrown exception.
let expectOk (name: string) (r: Result<'T, SqliteException>) : 'T =
    match r with
    | Ok v -> v
    | Error e ->
        check name false (sprintf "Error %d: %s" e.SqliteErrorCode e.Message)
        failwithf "%s failed" name

let scalar (conn: SqliteConnection) (sql: string) : obj =
    use cmd = new SqliteCommand(sql, conn)
    cmd.ExecuteScalar()

let count (conn: SqliteConnection) (table: string) : int64 =
    scalar conn (sprintf "SELECT count(*) FROM \"%s\"" table) :?> int64

let run () =
    use conn = new SqliteConnection("Data Source=:memory:;Foreign Keys=True")
    conn.Open()
    (new SqliteCommand(schemaSql, conn)).ExecuteNonQuery() |> ignore

    // ---- insert, get, update, delete ----
    let ada = { Id = 0L; Email = "ada@example.com"; Name = "Ada"; CreatedAt = "2024-01-02 03:04:05" }
    let adaId = Customer.Insert(conn, ada) |> expectOk "insert customer"
    check "insert returns the new rowid" (adaId = 1L) (sprintf "%d" adaId)
    let got = Customer.GetById(conn, adaId) |> expectOk "get customer"
    check "get by id round trip" (got = Some { ada with Id = adaId }) (sprintf "%A" got)
    check "get by id of a missing row is None" (Customer.GetById(conn, 999L) = Ok None) ""
    Customer.Update(conn, { ada with Id = adaId; Name = "Ada Lovelace" }) |> expectOk "update customer"
    let updated = Customer.GetById(conn, adaId) |> expectOk "get updated"
    check "update round trip" (updated |> Option.map (fun c -> c.Name) = Some "Ada Lovelace") (sprintf "%A" updated)
    let byEmail = Customer.FindByEmail(conn, "ADA@example.com") |> expectOk "find by email"
    check "find by unique key (COLLATE NOCASE)" (byEmail |> Option.map (fun c -> c.Id) = Some adaId) (sprintf "%A" byEmail)
    let bob = { ada with Email = "bob@example.com"; Name = "Bob" }
    let bobId = Customer.Insert(conn, bob) |> expectOk "insert bob"
    let all = Customer.GetAll(conn) |> expectOk "get all"
    check "get all, by primary key" (all |> List.map (fun c -> c.Id) = [ adaId; bobId ]) (sprintf "%A" all)

    // ---- NULL as None, foreign keys, joins ----
    let home = { Address.Id = 0L; CustomerId = adaId; Line1 = "1 Main St"; City = "Utrecht"; Country = "NL"; IsDefault = 1L }
    let homeId = Address.Insert(conn, home) |> expectOk "insert address"
    let noAddress = { Order.Id = 0L; CustomerId = adaId; AddressId = None; Status = "open"; PlacedAt = "2024-02-03 04:05:06" }
    let o1 = Order.Insert(conn, noAddress) |> expectOk "insert order without address"
    let o2 = Order.Insert(conn, { noAddress with AddressId = Some homeId }) |> expectOk "insert order with address"
    let o3 = Order.Insert(conn, { noAddress with CustomerId = bobId }) |> expectOk "insert bob's order"
    check "None is stored as NULL" (scalar conn (sprintf "SELECT address_id IS NULL FROM orders WHERE id = %d" o1) = box 1L) ""
    check "NULL reads back as None" (Order.GetById(conn, o1) |> Result.map (Option.bind (fun o -> o.AddressId)) = Ok None) ""
    check "Some reads back as Some" (Order.GetById(conn, o2) |> Result.map (Option.bind (fun o -> o.AddressId)) = Ok(Some homeId)) ""
    Order.Update(conn, { noAddress with Id = o2; AddressId = None }) |> expectOk "update to None"
    check "update to None stores NULL" (scalar conn (sprintf "SELECT address_id IS NULL FROM orders WHERE id = %d" o2) = box 1L) ""
    Order.Update(conn, { noAddress with Id = o2; AddressId = Some homeId }) |> expectOk "update to Some"
    let adas = Order.GetByCustomerId(conn, adaId) |> expectOk "orders of a customer"
    check "foreign-key query" (adas |> List.map (fun o -> o.Id) = [ o1; o2 ]) (sprintf "%A" adas)
    check "foreign-key query of a parent without children" (Address.GetByCustomerId(conn, bobId) = Ok []) ""
    let withCustomer = Order.GetAllWithCustomer(conn) |> expectOk "join with customer"
    check "join: every order with its customer"
        (withCustomer |> List.map (fun (o, c) -> o.Id, c.Name) = [ o1, "Ada Lovelace"; o2, "Ada Lovelace"; o3, "Bob" ])
        (sprintf "%A" withCustomer)
    let withAddress = Order.GetAllWithAddress(conn) |> expectOk "join with address"
    check "join on a nullable key: None for NULL"
        (withAddress |> List.map (fun (o, a) -> o.Id, a |> Option.map (fun a -> a.City)) = [ o1, None; o2, Some "Utrecht"; o3, None ])
        (sprintf "%A" withAddress)

    // ---- composite keys, WITHOUT ROWID, triggers, views ----
    let widget = { Product.Id = 0L; Sku = "W-1"; Title = "Widget"; PriceCents = 250L; Stock = 10L }
    let widgetId = Product.Insert(conn, widget) |> expectOk "insert product"
    let line = { OrderLine.OrderId = o1; ProductId = widgetId; Quantity = 3L; PriceCents = 250L }
    OrderLine.Insert(conn, line) |> expectOk "insert order line (WITHOUT ROWID)"
    check "composite key round trip" (OrderLine.GetById(conn, o1, widgetId) = Ok(Some line)) ""
    check "trigger ran" (Product.GetById(conn, widgetId) |> Result.map (Option.map (fun p -> p.Stock)) = Ok(Some 7L)) ""
    match OrderLine.Insert(conn, { line with OrderId = o2; Quantity = 100L }) with
    | Error e -> check "RAISE(ABORT) in a trigger is Error 19" (e.SqliteErrorCode = 19 && e.Message.Contains "not enough stock") e.Message
    | Ok() -> check "RAISE(ABORT) in a trigger is Error 19" false "inserted"
    let totals = OrderTotal.GetAll(conn) |> expectOk "view"
    check "view rows" (totals |> List.map (fun t -> t.OrderId, t.TotalCents) = [ o1, Some(box 750L) ]) (sprintf "%A" totals)
    let revenue = CustomerRevenue.GetAll(conn) |> expectOk "view with a CTE"
    check "view with a CTE" (revenue.Length = 2) (sprintf "%A" revenue)

    // ---- constraint violations ----
    match Customer.Insert(conn, { ada with Name = "Other Ada" }) with
    | Error e ->
        check "UNIQUE violation is Error 19" (e.SqliteErrorCode = 19) (sprintf "%d %s" e.SqliteErrorCode e.Message)
        check "UNIQUE violation's extended code" (e.SqliteExtendedErrorCode = 2067) (sprintf "%d" e.SqliteExtendedErrorCode)
    | Ok _ -> check "UNIQUE violation is Error 19" false "inserted"
    match Customer.Insert(conn, { ada with Email = "x@example.com"; Name = "" }) with
    | Error e -> check "CHECK violation is Error 19" (e.SqliteErrorCode = 19) e.Message
    | Ok _ -> check "CHECK violation is Error 19" false "inserted"
    match Order.Insert(conn, { noAddress with CustomerId = 12345L }) with
    | Error e -> check "FOREIGN KEY violation is Error 19" (e.SqliteErrorCode = 19) e.Message
    | Ok _ -> check "FOREIGN KEY violation is Error 19" false "inserted"
    check "failed inserts left no rows" (count conn "customers" = 2L && count conn "orders" = 3L) ""

    // ---- transactions ----
    let products = count conn "products"
    let failedTx =
        Product.WithTransaction(
            conn,
            fun tx ->
                result {
                    let! _ = Product.Insert(conn, { widget with Sku = "T-1" }, tx)
                    let! _ = Product.Insert(conn, { widget with Sku = "T-2" }, tx)
                    // A negative price breaks the CHECK: Error, so everything rolls back.
                    let! _ = Product.Insert(conn, { widget with Sku = "T-3"; PriceCents = -1L }, tx)
                    return ()
                }
        )
    check "failed transaction returns the Error" (match failedTx with Error e -> e.SqliteErrorCode = 19 | Ok _ -> false) (sprintf "%A" failedTx)
    check "failed transaction leaves no rows" (count conn "products" = products) (sprintf "%d" (count conn "products"))
    let okTx =
        Customer.WithTransaction(
            conn,
            fun tx ->
                result {
                    let! id = Customer.Insert(conn, { ada with Email = "cy@example.com"; Name = "Cy" }, tx)
                    let! _ = Address.Insert(conn, { home with CustomerId = id; IsDefault = 0L }, tx)
                    let! found = Customer.GetById(conn, id, tx)
                    return found |> Option.map (fun c -> c.Name)
                }
        )
    check "transaction commits and returns its value" (okTx = Ok(Some "Cy")) (sprintf "%A" okTx)
    check "committed rows are there" (count conn "customers" = 3L && count conn "addresses" = 2L) ""
    let refused =
        Customer.WithTransaction(
            conn,
            fun _ ->
                try
                    Customer.GetAll(conn) |> ignore
                    Ok false
                with _ ->
                    Ok true
        )
    check "a member called without the pending transaction is refused" (refused = Ok true) (sprintf "%A" refused)

    // ---- hostile strings ----
    let hostile =
        [ "Robert'); DROP TABLE customers;--"
          "\"double\" and 'single' quotes"
          "back\\slash and @p0 and :name and $1 and ?"
          "percent %s %d {0}"
          "Zoë, Ελληνικά, 日本語, 🚀"
          "line\nbreak\ttab" ]
    for (i, s) in List.indexed hostile do
        let id = Customer.Insert(conn, { ada with Email = sprintf "h%d@example.com" i; Name = s }) |> expectOk "insert hostile"
        let back = Customer.GetById(conn, id) |> expectOk "get hostile"
        check (sprintf "hostile string %d stored verbatim" i) (back |> Option.map (fun c -> c.Name) = Some s) (sprintf "%A" back)
        check (sprintf "hostile string %d found by equality" i) (scalar conn (sprintf "SELECT count(*) FROM customers WHERE id = %d AND name = '%s'" id (s.Replace("'", "''"))) = box 1L) ""

    // ---- delete ----
    Customer.Delete(conn, bobId) |> ignore
    match Customer.Delete(conn, adaId) with
    | Error e -> check "delete refused while orders refer to the row" (e.SqliteErrorCode = 19) e.Message
    | Ok() -> check "delete refused while orders refer to the row" false "deleted"
    (new SqliteCommand("DELETE FROM order_lines; DELETE FROM orders", conn)).ExecuteNonQuery() |> ignore
    Customer.Delete(conn, adaId) |> expectOk "delete customer"
    check "deleted row is gone" (Customer.GetById(conn, adaId) = Ok None) ""
    check "ON DELETE CASCADE removed its addresses" (Address.GetByCustomerId(conn, adaId) = Ok []) ""
    OrderLine.Delete(conn, o1, widgetId) |> expectOk "delete by composite key"

try
    run ()
with e ->
    check "the test ran to its end" false e.Message

printfn "%d passed, %d failed" passed failed
if failed = 0 then printfn "DemoTest OK" else exitWith 1
