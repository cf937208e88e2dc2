import { UNKNOWN_API_PATH } from "@/lib/server/routes/unknown-api-path";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = UNKNOWN_API_PATH;
