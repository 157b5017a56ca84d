// A stand-in for the part of FsToolkit.ErrorHandling that migc's generated
// F# and the tests use: the `result { }` computation expression, with the
// members of FsToolkit 4.x's ResultBuilder and nothing more, of the same
// shapes and semantics, so that what type-checks here type-checks there and
// behaves alike: Bind, Return, ReturnFrom, Zero, Delay/Run (delayed, run
// once), Combine, TryWith, TryFinally, Using (disposes on Ok, Error and
// exception alike, skips null), While and For (stop at the first Error),
// BindReturn (which F# prefers for `let! x = e in return f x`),
// MergeSources (`and!`) and Source (for Result, seq and Choice; F# passes
// every `let!`, `return!` and `for` source through it).
// Departures that change neither typing nor behaviour: no `inline` and no
// [<InlineIfLambda>] (optimisations only), and While loops instead of
// recursing through Bind.
// The real package is a NuGet library that Fable could compile from source,
// but no NuGet feed is reachable from the test machines.
namespace FsToolkit.ErrorHandling

open System

[<AutoOpen>]
module ResultCE =

    type ResultBuilder() =
        member _.Return(value: 'ok) : Result<'ok, 'error> = Ok value
        member _.ReturnFrom(result: Result<'ok, 'error>) : Result<'ok, 'error> = result
        member this.Zero() : Result<unit, 'error> = this.Return()

        member _.Bind(input: Result<'okInput, 'error>, binder: 'okInput -> Result<'okOutput, 'error>) : Result<'okOutput, 'error> =
            Result.bind binder input

        member _.Delay(generator: unit -> Result<'ok, 'error>) : unit -> Result<'ok, 'error> = generator
        member _.Run(generator: unit -> Result<'ok, 'error>) : Result<'ok, 'error> = generator ()

        member this.Combine(result: Result<unit, 'error>, binder: unit -> Result<'ok, 'error>) : Result<'ok, 'error> =
            this.Bind(result, binder)

        member this.TryWith(generator: unit -> Result<'T, 'TError>, handler: exn -> Result<'T, 'TError>) : Result<'T, 'TError> =
            try
                this.Run generator
            with e ->
                handler e

        member this.TryFinally(generator: unit -> Result<'ok, 'error>, compensation: unit -> unit) : Result<'ok, 'error> =
            try
                this.Run generator
            finally
                compensation ()

        member this.Using(resource: 'disposable :> IDisposable, binder: 'disposable -> Result<'ok, 'error>) : Result<'ok, 'error> =
            this.TryFinally(
                (fun () -> binder resource),
                (fun () ->
                    if not (obj.ReferenceEquals(resource, null)) then
                        resource.Dispose())
            )

        member this.While(guard: unit -> bool, generator: unit -> Result<unit, 'error>) : Result<unit, 'error> =
            let mutable state = this.Zero()
            while (match state with
                   | Ok() -> guard ()
                   | Error _ -> false) do
                state <- this.Run generator
            state

        member this.For(sequence: #seq<'T>, binder: 'T -> Result<unit, 'TError>) : Result<unit, 'TError> =
            this.Using(
                sequence.GetEnumerator(),
                fun enum -> this.While((fun () -> enum.MoveNext()), this.Delay(fun () -> binder enum.Current))
            )

        member _.BindReturn(x: Result<'okInput, 'error>, f: 'okInput -> 'okOutput) : Result<'okOutput, 'error> =
            Result.map f x

        member _.MergeSources(left: Result<'left, 'error>, right: Result<'right, 'error>) : Result<'left * 'right, 'error> =
            match left, right with
            | Ok l, Ok r -> Ok(l, r)
            | Error e, _
            | _, Error e -> Error e

        member _.Source(result: Result<'ok, 'error>) : Result<'ok, 'error> = result

    let result = ResultBuilder()

[<AutoOpen>]
module ResultCEExtensions =

    type ResultBuilder with
        // Lets `for ... in` take a sequence.
        member _.Source(s: #seq<_>) : #seq<_> = s

// Extensions, as in FsToolkit, so that overload resolution prefers Result.
[<AutoOpen>]
module ResultCEChoiceExtensions =

    type ResultBuilder with
        member _.Source(choice: Choice<'ok, 'error>) : Result<'ok, 'error> =
            match choice with
            | Choice1Of2 x -> Ok x
            | Choice2Of2 e -> Error e
