-- How the HTML body keeps text out of the reader's view while filters read it (text pushed
-- thousands of pixels down); null when it does not.
alter table messages add column hidden_content varchar(300);
