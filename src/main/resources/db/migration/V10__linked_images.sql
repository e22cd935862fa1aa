-- Pictures of the HTML body that are links to web pages, and the registrable domains those links
-- lead to (a JSON array): a body that is only a linked picture hides its words from text filters.
alter table messages add column linked_images integer default 0 not null;
alter table messages add column linked_image_domains text;
