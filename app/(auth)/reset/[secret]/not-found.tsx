import { InvalidLink } from "@/app/(auth)/invite/_components/invalid-link";

export default function LinkNotFound() {
  return <InvalidLink />;
}
