-- Covering index for the web app's aggregates (map cells, timeline, overview chart, filtered counts).
-- Event rows are wide (record_json inline), so a full scan of the table reads all of it; scanning this
-- index reads only the columns the filters and aggregates use. On 100,000 synthetic events
-- (bench/web_speed.py) the unfiltered timeline went from 255 to 61 ms median and the overview
-- page under the 300 ms budget.
CREATE INDEX events_web_slim ON events(event_type, date_start, date_end, lat, lon, fatalities, geonameid,
                                       actor1, actor2, document_id, sub_event_type);
