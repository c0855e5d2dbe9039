/**
 * Every member of `T` spelled out, optional ones included (as `undefined` when absent). A literal
 * typed so does not compile until a member added to the model is decided there.
 */
export type Decided<T> = { [K in keyof Required<T>]: T[K] };
