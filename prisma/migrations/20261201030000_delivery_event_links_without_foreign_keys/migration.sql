-- DropForeignKey
ALTER TABLE "DeliveryEvent" DROP CONSTRAINT "DeliveryEvent_deliveryId_fkey";

-- DropForeignKey
ALTER TABLE "DeliveryEvent" DROP CONSTRAINT "DeliveryEvent_eventId_fkey";

-- Written by hand from here: the cascades the foreign keys gave, kept by statement-level triggers.
-- A link is written only beside the delivery and the event it joins (in the transaction that
-- creates the delivery, or locks its webhook); checking each of a batch publish's 20,000 links
-- against both tables, one row at a time, was most of that INSERT's time. Deleting a delivery
-- or an event deletes its links in one statement per deleting statement, whatever it deleted.
CREATE FUNCTION delivery_event_unlink_deliveries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DeliveryEvent" de USING gone WHERE de."deliveryId" = gone.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER delivery_event_unlink_deliveries
AFTER DELETE ON "Delivery"
REFERENCING OLD TABLE AS gone
FOR EACH STATEMENT EXECUTE FUNCTION delivery_event_unlink_deliveries();

CREATE FUNCTION delivery_event_unlink_events() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DeliveryEvent" de USING gone WHERE de."eventId" = gone.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER delivery_event_unlink_events
AFTER DELETE ON "Event"
REFERENCING OLD TABLE AS gone
FOR EACH STATEMENT EXECUTE FUNCTION delivery_event_unlink_events();
