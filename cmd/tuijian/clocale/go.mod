module env.tuijian.local/clocale

go 1.26.0
