// Worker thread entry for parallel linting (filled in with the pipeline work).
export {};
