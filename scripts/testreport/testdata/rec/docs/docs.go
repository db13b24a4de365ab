package docs

// Doc has no tests.
const Doc = 1
