"""The words `dates` reads date expressions with: weekdays (en, fr, es, ru, ar), months, counts.

Kept apart from the grammar so a reader can check and extend a list without reading regexes.
All values are immutable.
"""
from __future__ import annotations

from types import MappingProxyType

__all__ = ["MONTH_WORDS", "WEEKDAYS", "WEEKDAY_PATTERN", "MONTHS", "MONTH_PATTERN", "COUNTS", "COUNT_PATTERN"]

# weekday number (Monday = 0) for each written form, including the case forms that follow a
# preposition ("в пятницу") and the forms with and without Arabic hamza
WEEKDAYS = MappingProxyType({name: i for i, names in enumerate([
    "Monday lundi lunes понедельник الاثنين الإثنين",
    "Tuesday mardi martes вторник الثلاثاء",
    "Wednesday mercredi miércoles miercoles среду среда الأربعاء الاربعاء",
    "Thursday jeudi jueves четверг الخميس",
    "Friday vendredi viernes пятницу пятница الجمعة",
    "Saturday samedi sábado sabado субботу суббота السبت",
    "Sunday dimanche domingo воскресенье الأحد الاحد",
]) for name in names.split()})
WEEKDAY_PATTERN = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

MONTHS = MappingProxyType({name: i for i, names in enumerate([
    "January Jan", "February Feb", "March Mar", "April Apr", "May", "June Jun", "July Jul",
    "August Aug", "September Sep Sept", "October Oct", "November Nov", "December Dec",
], start=1) for name in names.split()})
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

COUNTS = MappingProxyType({"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                           "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                           "twelve": 12, "a couple of": 2})
COUNT_PATTERN = r"\d{1,3}|" + "|".join(sorted(COUNTS, key=len, reverse=True))

# Month words of the languages `extract.dates` reads, lowercased: a digit near one of these (or a
# numeric date) is the only place a calendar date can be, so only those stretches are parsed.
MONTH_WORDS = frozenset("""
january jan february feb march mar april apr may june jun july jul august aug september sep sept
october oct november nov december dec janvier janv février fevrier févr mars avril mai juin juillet
juil août aout septembre octobre novembre décembre decembre enero febrero marzo abril mayo junio
julio agosto septiembre setiembre octubre noviembre diciembre januar februar märz april juni juli
oktober dezember janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
января январь февраля февраль марта март апреля апрель мая май июня июнь июля июль августа август
сентября сентябрь октября октябрь ноября ноябрь декабря декабрь
كانون الثاني يناير شباط فبراير آذار اذار مارس نيسان أبريل ابريل أيار ايار مايو حزيران يونيو يونية
تموز يوليو يولية آب اب أغسطس اغسطس أيلول ايلول سبتمبر تشرين الأول الاول أكتوبر اكتوبر نوفمبر ديسمبر
""".split())
