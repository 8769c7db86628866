//! Dates at the precision the sources give them: a year, a month, a day, or a moment with a
//! time and offset. Parsed once from front matter, so later stages never meet a bad date.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
use serde::{Serialize, Serializer};

use crate::vocab::MONTHS;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
    Time,
}

/// An ISO 8601 date with partial precision: `2014`, `2014-03`, `2014-03-14`,
/// `2014-03-14T18:30:00Z` or `2014-03-14T18:30:00+02:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    /// Time of day and offset from UTC in seconds, at `Precision::Time`.
    time: Option<(NaiveTime, i32)>,
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let text = text.trim();
        let bad = || {
            format!(
                "`{text}` is not a date; write 2014, 2014-03, 2014-03-14 or 2014-03-14T18:30:00Z"
            )
        };
        let (date_part, time_part) = match text.find(['T', ' ']) {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        let mut fields = date_part.split('-');
        let year_text = fields.next().ok_or_else(bad)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_text.parse().map_err(|_| bad())?;
        let number = |field: Option<&str>| -> Result<Option<u32>, String> {
            match field {
                None => Ok(None),
                Some(f) if f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(f.parse().map_err(|_| bad())?))
                }
                Some(_) => Err(bad()),
            }
        };
        let month = number(fields.next())?;
        let day = number(fields.next())?;
        if fields.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!(
                    "`{text}` has no month {m}; months run from 01 to 12"
                ));
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            if NaiveDate::from_ymd_opt(year, m, d).is_none() {
                return Err(format!(
                    "`{text}` is not a day of the calendar: {} {year} has no day {d}",
                    MONTHS[m as usize - 1]
                ));
            }
        }
        let time = match time_part {
            None => None,
            Some(_) if day.is_none() => return Err(bad()),
            Some(_) => {
                let moment = chrono::DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1))
                    .map_err(|_| {
                        format!("`{text}` has a time that is not valid; write it as 2014-03-14T18:30:00Z or with an offset such as +02:00")
                    })?;
                Some((moment.time(), moment.offset().local_minus_utc()))
            }
        };
        Ok(PartialDate {
            year,
            month,
            day,
            time,
        })
    }

    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<PartialDate> {
        NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::from)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (None, _, _) => Precision::Year,
            (Some(_), None, _) => Precision::Month,
            (Some(_), Some(_), None) => Precision::Day,
            (Some(_), Some(_), Some(_)) => Precision::Time,
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u32> {
        self.month
    }

    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// The calendar day, at day precision or finer.
    pub fn naive_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// The first day of the period the date covers (1 January for a year).
    pub fn start(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("validated when parsed")
    }

    /// The moment in UTC, at time precision.
    fn utc_seconds(&self) -> Option<i64> {
        let (time, offset) = self.time?;
        let offset = FixedOffset::east_opt(offset)?;
        let moment = offset
            .from_local_datetime(&self.naive_date()?.and_time(time))
            .single()?;
        Some(moment.timestamp())
    }

    /// Which of two dates is earlier as far as both are known: at the coarser of their two
    /// precisions, moments by their UTC instant. `Equal` says the dates cannot tell which came
    /// first (a day against a moment of that day, a month against a day in it), not that they
    /// are the same; unlike [`Ord`], which puts the coarser first.
    pub fn cmp_known(&self, other: &Self) -> Ordering {
        match self.precision().min(other.precision()) {
            Precision::Time => self.utc_seconds().cmp(&other.utc_seconds()),
            Precision::Day => {
                (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
            }
            Precision::Month => (self.year, self.month).cmp(&(other.year, other.month)),
            Precision::Year => self.year.cmp(&other.year),
        }
    }

    /// ISO 8601 at the date's own precision: `2014-03`, `2014-03-14T18:30:00+00:00`.
    pub fn iso(&self) -> String {
        match (self.month, self.day, self.time) {
            (None, _, _) => format!("{:04}", self.year),
            (Some(m), None, _) => format!("{:04}-{m:02}", self.year),
            (Some(m), Some(d), None) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), Some(d), Some((t, offset))) => {
                let tz = FixedOffset::east_opt(offset).expect("validated when parsed");
                format!(
                    "{:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{}",
                    self.year,
                    t.hour(),
                    t.minute(),
                    t.second(),
                    if offset == 0 {
                        "Z".to_owned()
                    } else {
                        tz.to_string()
                    }
                )
            }
        }
    }

    /// An RFC 3339 timestamp for feeds, taking the start of the period where no time is known.
    pub fn rfc3339(&self) -> String {
        match self.time {
            Some(_) => self.iso().replace('Z', "+00:00"),
            None => format!("{}T00:00:00Z", self.start().format("%Y-%m-%d")),
        }
    }

    /// For readers, at honest precision: "2014", "March 2014", "14 March 2014",
    /// "14 March 2014, 18:30 UTC".
    pub fn human(&self) -> String {
        match (self.month, self.day, self.time) {
            (None, _, _) => self.year.to_string(),
            (Some(m), None, _) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), Some(d), None) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), Some(d), Some((t, offset))) => {
                let zone = if offset == 0 {
                    "UTC".to_owned()
                } else {
                    format!("UTC{}", FixedOffset::east_opt(offset).expect("validated"))
                };
                format!(
                    "{d} {} {}, {:02}:{:02} {zone}",
                    MONTHS[m as usize - 1],
                    self.year,
                    t.hour(),
                    t.minute()
                )
            }
        }
    }

    /// The weekday name, at day precision or finer ("Friday").
    pub fn weekday(&self) -> Option<String> {
        Some(format!("{}", self.naive_date()?.format("%A")))
    }

    pub fn month_name(month: u32) -> &'static str {
        MONTHS[month as usize - 1]
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(date: NaiveDate) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
            time: None,
        }
    }
}

impl Ord for PartialDate {
    /// Chronological; within the same period a coarser date sorts before the finer ones it
    /// contains ("March 2014" before "14 March 2014"), and moments sort by their UTC instant.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
            .cmp(&(other.year, other.month.unwrap_or(0), other.day.unwrap_or(0)))
            .then_with(|| self.precision().cmp(&other.precision()))
            .then_with(|| self.utc_seconds().cmp(&other.utc_seconds()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn parses_every_precision() {
        assert_eq!(d("2014").precision(), Precision::Year);
        assert_eq!(d("2013-11").precision(), Precision::Month);
        assert_eq!(d("2014-03-14").precision(), Precision::Day);
        assert_eq!(d("2014-03-14T18:30:00Z").precision(), Precision::Time);
        assert_eq!(d("2014-03-15T00:50:00+05:30").precision(), Precision::Time);
    }

    #[test]
    fn prints_at_honest_precision() {
        assert_eq!(d("2013-11").human(), "November 2013");
        assert_eq!(d("2014-03-14").human(), "14 March 2014");
        assert_eq!(
            d("2014-03-14T18:30:00Z").human(),
            "14 March 2014, 18:30 UTC"
        );
        assert_eq!(
            d("2014-03-14T18:30:00+02:00").iso(),
            "2014-03-14T18:30:00+02:00"
        );
        assert_eq!(d("2014-03-14").weekday().as_deref(), Some("Friday"));
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2014-13-45",
            "2014-02-30",
            "2014-3-1",
            "14-03-14",
            "March 2014",
            "2014-03-14T25:00:00Z",
            "",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2014-13-45")
            .unwrap_err()
            .contains("no month 13"));
        assert!(PartialDate::parse("2016-02-29").is_ok());
    }

    #[test]
    fn dates_compare_as_far_as_both_are_known() {
        let cmp = |a: &str, b: &str| d(a).cmp_known(&d(b));
        // Two moments: by the instant, whatever the offsets.
        assert_eq!(
            cmp("2034-04-17T16:05:00+01:00", "2034-04-17T17:10:00+01:00"),
            Ordering::Less
        );
        assert_eq!(
            cmp("2034-04-17T16:05:00+01:00", "2034-04-17T15:05:00Z"),
            Ordering::Equal
        );
        assert_eq!(
            cmp("2034-04-17T18:00:00+03:00", "2034-04-17T16:30:00Z"),
            Ordering::Less
        );
        // A day against a moment of that day: no one can tell.
        assert_eq!(
            cmp("2034-04-17", "2034-04-17T17:10:00+01:00"),
            Ordering::Equal
        );
        assert_eq!(cmp("2034-04-17T08:00:00Z", "2034-04-17"), Ordering::Equal);
        assert_eq!(cmp("2034-04-16", "2034-04-17T08:00:00Z"), Ordering::Less);
        // A month against a day in it, a year against a month in it.
        assert_eq!(cmp("2034-04", "2034-04-17"), Ordering::Equal);
        assert_eq!(cmp("2034-04", "2034-05-01"), Ordering::Less);
        assert_eq!(cmp("2034", "2034-12"), Ordering::Equal);
        assert_eq!(cmp("2035", "2034-12-31T23:00:00Z"), Ordering::Greater);
    }

    #[test]
    fn coarse_dates_sort_before_finer_ones_of_their_period() {
        let mut dates = [
            d("2014-03-14T18:30:00Z"),
            d("2014-03-14"),
            d("2014-03"),
            d("2014"),
            d("2013-11"),
            d("2014-03-14T10:00:00Z"),
            d("2014-02-22"),
        ];
        dates.sort();
        let order: Vec<String> = dates.iter().map(PartialDate::iso).collect();
        assert_eq!(
            order,
            [
                "2013-11",
                "2014",
                "2014-02-22",
                "2014-03",
                "2014-03-14",
                "2014-03-14T10:00:00Z",
                "2014-03-14T18:30:00Z"
            ]
        );
    }
}
