import "server-only";

const PATCH_ERRORS: Partial<Record<string, string>> = {
  OPERATION_PATH_CANNOT_ADD: "cannot add at this path",
  OPERATION_PATH_UNRESOLVABLE: "the path does not exist",
  OPERATION_FROM_UNRESOLVABLE: "the from path does not exist",
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: "the array index is not a non-negative integer",
  OPERATION_VALUE_OUT_OF_BOUNDS: "the array index is past the end of the array",
  OPERATION_VALUE_REQUIRED: "a value is required",
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: "a value is required",
};

/**
 * Why fast-json-patch refused an operation, in words of our own: its own messages print the whole document, which may
 * hold a secret (a store's password).
 */
export function jsonPatchErrorReason(errorName: string): string {
  return PATCH_ERRORS[errorName] ?? "the operation is invalid";
}
