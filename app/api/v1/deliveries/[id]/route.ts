import "server-only";
import { getDelivery } from "@/lib/history/history";
import { route } from "@/lib/http/route";
import { deliveryOperations as api } from "@/lib/openapi/operations/deliveries";

export const GET = route(api.getDelivery, async ({ org, params }) => getDelivery(org.id, params.id));
