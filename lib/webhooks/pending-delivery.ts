import { AppError } from "@/lib/http/errors";

/**
 * Sending a request to a customer's URL needs the SSRF guard and the sender (issues 4 and 5).
 * Until they land, the endpoints that send validate everything and then say so plainly, rather
 * than send to an unvetted address.
 */
export function deliveryNotAvailable(what: string): never {
  throw new AppError("not_implemented", `${what} arrives with the delivery engine; the request was valid but nothing was sent.`);
}
