// A stand-in for the part of FsToolkit.ErrorHandling that migc's generated
// F# and the tests use: the `result { }` computation expression (let!, do!,
// return, return!, use, try/with, try/finally, if/then/else, for, while)
// with the names and shapes of FsToolkit 4.x.
// The real package is a NuGet library that Fable could compile from source,
// but no NuGet feed is reachable from the test machines.
namespace FsToolkit.ErrorHandling

open System

type ResultBuilder() =
    member _.Return(value: 'T) : Result<'T, 'E> = Ok value
    member _.ReturnFrom(result: Result<'T, 'E>) : Result<'T, 'E> = result
    member _.Zero() : Result<unit, 'E> = Ok()
    member _.Bind(result: Result<'T, 'E>, binder: 'T -> Result<'U, 'E>) : Result<'U, 'E> = Result.bind binder result
    member _.Delay(generator: unit -> Result<'T, 'E>) : unit -> Result<'T, 'E> = generator
    member _.Run(generator: unit -> Result<'T, 'E>) : Result<'T, 'E> = generator ()
    member this.Combine(result: Result<unit, 'E>, binder: unit -> Result<'T, 'E>) : Result<'T, 'E> =
        this.Bind(result, binder)
    member _.TryWith(generator: unit -> Result<'T, 'E>, handler: exn -> Result<'T, 'E>) : Result<'T, 'E> =
        try
            generator ()
        with e ->
            handler e
    member _.TryFinally(generator: unit -> Result<'T, 'E>, compensation: unit -> unit) : Result<'T, 'E> =
        try
            generator ()
        finally
            compensation ()
    member this.Using(resource: 'D, binder: 'D -> Result<'T, 'E>) : Result<'T, 'E> when 'D :> IDisposable =
        this.TryFinally(
            (fun () -> binder resource),
            fun () ->
                if not (obj.ReferenceEquals(resource, null)) then
                    resource.Dispose()
        )
    member this.While(guard: unit -> bool, generator: unit -> Result<unit, 'E>) : Result<unit, 'E> =
        let mutable state = Ok()
        while (match state with
               | Ok() -> guard ()
               | Error _ -> false) do
            state <- generator ()
        state
    member this.For(sequence: seq<'T>, binder: 'T -> Result<unit, 'E>) : Result<unit, 'E> =
        this.Using(
            sequence.GetEnumerator(),
            fun enum -> this.While((fun () -> enum.MoveNext()), this.Delay(fun () -> binder enum.Current))
        )

[<AutoOpen>]
module ResultCE =
    let result = ResultBuilder()
