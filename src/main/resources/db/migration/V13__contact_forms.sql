-- What a form posting to a link asks the reader for ('secret': a password, PIN or card number;
-- 'no-secret' otherwise; null when the link is not a form's target), and what the first form of a
-- body that asks for contact details (a name with a phone, an address or a company) asks.
alter table links add column form_asks varchar(16);
alter table messages add column contact_form varchar(300);
